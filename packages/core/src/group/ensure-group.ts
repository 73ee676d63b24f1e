/**
 * ensureGroup = for each member, once every member it depends on is ready: the single-stack
 * ensure (reuse, join, adopt or start; its own lease and ownership) -> a group handle. A member
 * that fails stops the rest: members still starting stop waiting (and stop what they started),
 * members not yet started are not started, and what this run holds of the others is released in
 * reverse order (a member it started is stopped, one it reused is left running).
 */

import { ServerUnavailableError } from '../errors.js';
import type { ComponentStatus } from '../probe/component-status.js';
import { describeGroupUnavailable } from '../report/describe.js';
import { silentLogger } from '../report/logger.js';
import type { EnsureOptions } from '../stack/context.js';
import { ensureServer } from '../stack/ensure.js';
import type { ServerHandle } from '../stack/handle.js';
import { resolvePolicy } from '../stack/policy.js';
import { redact } from '../util/redact.js';
import { type Group, type GroupMember, toGroup } from './group.js';
import {
  type GroupHandle,
  groupSnapshot,
  type MemberSnapshot,
  memberSnapshot,
  notEnsured,
} from './handle.js';
import { type GroupReleaseResult, releaseInOrder } from './release-group.js';
import { groupSecrets, redactingLogger } from './secrets.js';
import type { GroupSpec } from './spec.js';

/**
 * The options of a single-stack ensure, applied to every member (`timeoutMs` bounds each
 * member's own wait). `onProgress` gets every member's components, named "member/component".
 * A group is always waited for: a member's dependents need it ready.
 */
export type GroupEnsureOptions = Omit<EnsureOptions, 'wait' | 'resume'>;

interface Ensured {
  readonly member: GroupMember;
  readonly handle: ServerHandle | null;
  readonly snapshot: MemberSnapshot;
}

/**
 * Makes sure every member of the group runs, each started after the members it depends on are
 * ready (independent ones at once), with their env in its start command's environment. Always
 * returns a handle (or throws under the `fail` policy, naming the member that failed); call
 * `release()` when done.
 *
 * @example
 * const group = await ensureGroup(defineGroup({ members: [stigmerMember, db, app] }));
 * try {
 *   if (group.available) await runTests(group.env); // STIGMER_SERVER_ADDR, DATABASE_URL, ...
 * } finally {
 *   await group.release(); // the app first, then what it depends on
 * }
 */
export async function ensureGroup(
  group: Group | GroupSpec,
  options: GroupEnsureOptions = {},
): Promise<GroupHandle> {
  const resolved = await toGroup(group);
  const began = performance.now();
  const ms = () => Math.round(performance.now() - began);
  const policy = resolvePolicy(options.onUnavailable);
  const secrets = groupSecrets(resolved);
  const logger = redactingLogger(options.logger ?? silentLogger, secrets);
  const stopping = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, stopping.signal])
    : stopping.signal;
  let failed: string | null = null;
  const fail = (name: string) => {
    if (failed !== null) return;
    failed = name;
    stopping.abort(new Error(`${name} failed`));
  };
  /** Why a member was not (or no longer) waited for: another one failed, or the caller aborted. */
  const stoppedBy = () => (failed === null ? 'interrupted' : `${failed} failed`);
  const onProgress = progressOf(resolved, options.onProgress, ms);
  logger.info(
    `${resolved.name}: ${resolved.members.map((m) => (m.dependsOn.length > 0 ? `${m.name} (after ${m.dependsOn.join(', ')})` : m.name)).join(', ')}.`,
  );

  const runs = new Map<string, Promise<Ensured>>();
  for (const member of resolved.members) {
    const needs = member.dependsOn.map((name) => runs.get(name)!);
    runs.set(
      member.name,
      (async (): Promise<Ensured> => {
        const ready = await Promise.all(needs);
        // A member it needs is unavailable: that one failed, or the caller aborted.
        if (signal.aborted || ready.some((r) => !r.handle?.available))
          return {
            member,
            handle: null,
            snapshot: notEnsured(member, `not started: ${stoppedBy()}`),
          };
        const start = ms();
        try {
          const handle = await ensureServer(member.profile, {
            ...options,
            signal,
            logger,
            onUnavailable: 'skip', // the group reports first, then applies its policy
            onProgress: onProgress?.(member.name),
          });
          if (!handle.available) fail(member.name);
          const times = { began: start, ended: ms() };
          return {
            member,
            handle,
            snapshot: memberSnapshot(member, handle.snapshot(), times, secrets),
          };
        } catch (error) {
          const interrupted = signal.aborted;
          if (!interrupted) fail(member.name);
          const reason =
            interrupted && failed !== member.name
              ? `stopped waiting: ${stoppedBy()}`
              : redact((error as Error).message, secrets);
          const snapshot = { ...notEnsured(member, reason), began: start, ended: ms() };
          return { member, handle: null, snapshot };
        }
      })(),
    );
  }
  const ensured = await Promise.all(runs.values());
  // What this run holds: an external member (only probed) holds no lease and has nothing to release.
  const handles = new Map(
    ensured.flatMap((e) =>
      e.handle?.available && e.handle.leaseId ? [[e.member.name, e.handle] as const] : [],
    ),
  );
  const releaseAll = () => releaseInOrder(resolved, (m) => handles.get(m.name)?.release() ?? null);

  if (options.signal?.aborted) {
    await releaseAll();
    throw options.signal.reason;
  }
  const snapshots = ensured.map((e) => e.snapshot);
  if (failed !== null) {
    logger.info(`${failed} failed: releasing what this run holds of the other members.`);
    const cleanup = await releaseAll();
    const snapshot = groupSnapshot(resolved, snapshots, { failed, cleanup: cleanup.members }, ms());
    if (policy === 'fail')
      throw new ServerUnavailableError(describeGroupUnavailable(snapshot), snapshot);
    const none: GroupReleaseResult = { members: [], elapsedMs: 0 };
    return handleOf(snapshot, () => Promise.resolve(none));
  }
  let releasing: Promise<GroupReleaseResult> | undefined;
  return handleOf(groupSnapshot(resolved, snapshots, null, ms()), () => {
    releasing ??= releaseAll();
    return releasing;
  });
}

function handleOf(
  snapshot: ReturnType<typeof groupSnapshot>,
  release: () => Promise<GroupReleaseResult>,
): GroupHandle {
  return {
    ...snapshot,
    snapshot: () => snapshot,
    release,
    member(name) {
      const found = snapshot.members.find((m) => m.name === name);
      if (found) return found;
      throw new Error(
        `${snapshot.profile} has no member "${name}"; its members are ${snapshot.members.map((m) => `"${m.name}"`).join(', ')}`,
      );
    },
  };
}

/** Each member's progress, reported as every member's latest components together. */
function progressOf(
  group: Group,
  onProgress: EnsureOptions['onProgress'],
  ms: () => number,
): ((name: string) => EnsureOptions['onProgress']) | undefined {
  if (!onProgress) return undefined;
  const latest = new Map<string, ComponentStatus[]>();
  return (name) => (components) => {
    latest.set(
      name,
      components.map((c) => ({ ...c, name: `${name}/${c.name}` })),
    );
    onProgress(
      group.members.flatMap((m) => latest.get(m.name) ?? []),
      ms(),
    );
  };
}
