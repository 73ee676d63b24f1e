/**
 * A group is released in reverse dependency order: a member is released once every member that
 * depends on it has been, and independent members at once. Each release is the single-stack one
 * (its own lease, its own ownership): a member this run started is stopped when no other run
 * uses it, one that was running before is left running.
 */
import type { ReleaseResult } from '../stack/handle.js';
import { type ReleaseOptions, releaseServer } from '../stack/release.js';
import { dependentsOf, type Group, type GroupMember, toGroup } from './group.js';
import { parseGroupLease } from './lease-id.js';
import { groupSecrets, redactingLogger } from './secrets.js';
import type { GroupSpec } from './spec.js';

export interface MemberRelease extends ReleaseResult {
  readonly name: string;
  /** Milliseconds after the group's release began: when this member's release began and ended. */
  readonly began: number;
  readonly ended: number;
}

export interface GroupReleaseResult {
  /** In the order the releases ended (a member's dependents before it). */
  readonly members: readonly MemberRelease[];
  readonly elapsedMs: number;
}

/**
 * Releases the group's lease (`stigmer-e2e up` ... `down --lease`, an Action's post): each
 * member's lease, in reverse dependency order. `leaseId` is the group's, as `up` printed it.
 */
export async function releaseGroup(
  group: Group | GroupSpec,
  leaseId: string,
  options: ReleaseOptions = {},
): Promise<GroupReleaseResult> {
  const resolved = await toGroup(group);
  const leases = parseGroupLease(resolved, leaseId);
  const logger = options.logger && redactingLogger(options.logger, groupSecrets(resolved));
  return releaseInOrder(resolved, (member) => {
    const id = leases.get(member.name);
    if (!id) return null;
    return releaseServer(member.profile, id, { ...options, ...(logger ? { logger } : {}) });
  });
}

/**
 * Runs `release` for each member (null: nothing to release), dependents first. A release that
 * throws does not keep the others from theirs; the first error is thrown once all are done.
 */
export async function releaseInOrder(
  group: Group,
  release: (member: GroupMember) => Promise<ReleaseResult> | null,
): Promise<GroupReleaseResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const results: MemberRelease[] = [];
  const errors: unknown[] = [];
  const done = new Map<string, Promise<void>>();
  for (const member of [...group.members].reverse()) {
    const after = dependentsOf(group, member.name).map((d) => done.get(d.name)!);
    done.set(
      member.name,
      (async () => {
        await Promise.allSettled(after);
        const began = ms();
        try {
          const result = await release(member);
          if (result) results.push({ name: member.name, ...result, began, ended: ms() });
        } catch (error) {
          errors.push(error);
        }
      })(),
    );
  }
  await Promise.all(done.values());
  if (errors.length > 0) throw errors[0];
  return { members: results, elapsedMs: ms() };
}
