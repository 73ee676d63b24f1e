/** The handle `ensureGroup` returns: each member's handle as data, the group's env, one release. */
import type { Outcome } from '../report/outcome.js';
import type { HandleSnapshot } from '../stack/handle.js';
import { redact } from '../util/redact.js';
import type { Group, GroupMember } from './group.js';
import { formatGroupLease } from './lease-id.js';
import type { GroupReleaseResult, MemberRelease } from './release-group.js';

export interface MemberSnapshot extends HandleSnapshot {
  /** The member's name in the group (`profile` is its profile's name). */
  readonly name: string;
  readonly dependsOn: readonly string[];
  /**
   * Milliseconds after the group's ensure began: when this member's own ensure was called (once
   * every member it depends on was ready), and when it returned. null: it was never called (a
   * member it depends on failed).
   */
  readonly began: number | null;
  readonly ended: number | null;
}

/**
 * A group as plain data: what `stigmer-e2e up --json` prints for a group config. A superset of a
 * single stack's snapshot, so that what reads one (`env`, `available`, `reason`, `leaseId`)
 * reads a group too:
 * - `profile` is the group's name; `leaseId` names each member's lease ("db=<id>,app=<id>");
 * - `components` are every member's, named "member/component";
 * - `outcome` is the strongest of the members': unavailable, then started, adopted, joined,
 *   reused, external; when it is available, `owned` says this run owns a member and `reused`
 *   that it started none (an unavailable group holds nothing: both false);
 * - `reason` and `logTails` are those of the member that failed (`failed`).
 */
export interface GroupSnapshot extends HandleSnapshot {
  /** In start order: every member after those it depends on. */
  readonly members: readonly MemberSnapshot[];
  /** The member that made the group unavailable (null when available). */
  readonly failed: string | null;
  /** When unavailable: what this run released of the other members (stopped, or left running). */
  readonly cleanup: readonly MemberRelease[];
}

export interface GroupHandle extends GroupSnapshot {
  /**
   * Releases every member's lease in reverse dependency order: an app before the database it
   * uses. Each member this run started is stopped unless another run still uses it. Idempotent.
   */
  release(): Promise<GroupReleaseResult>;
  snapshot(): GroupSnapshot;
  /** One member's snapshot by name; throws naming the members for an unknown name. */
  member(name: string): MemberSnapshot;
}

/**
 * True for the snapshot of a group (the single-stack snapshot has no `members`); also for one
 * kept without its log tails (an Action's state).
 */
export function isGroupSnapshot<T extends Omit<HandleSnapshot, 'logTails'>>(
  snapshot: T,
): snapshot is T & Pick<GroupSnapshot, 'members' | 'failed' | 'cleanup'> {
  return Array.isArray((snapshot as Partial<GroupSnapshot>).members);
}

const STRENGTH: readonly Outcome[] = [
  'unavailable',
  'started',
  'adopted',
  'joined',
  'reused',
  'external',
];

export function memberSnapshot(
  member: GroupMember,
  snapshot: HandleSnapshot,
  times: { began: number | null; ended: number | null },
  secrets: readonly string[],
): MemberSnapshot {
  return {
    ...snapshot,
    reason: snapshot.reason === null ? null : redact(snapshot.reason, secrets),
    components: snapshot.components.map((c) => ({ ...c, detail: redact(c.detail, secrets) })),
    logTails: snapshot.logTails.map((t) => ({
      ...t,
      lines: t.lines.map((line) => redact(line, secrets)),
    })),
    name: member.name,
    dependsOn: member.dependsOn,
    ...times,
  };
}

/** A member that was never ensured: a member it depends on failed first. */
export function notEnsured(member: GroupMember, reason: string): MemberSnapshot {
  const { profile } = member;
  return {
    profile: profile.name,
    available: false,
    pending: false,
    owned: false,
    reused: false,
    outcome: 'unavailable',
    reason,
    leaseId: null,
    components: [],
    env: { ...profile.env },
    logTails: [],
    elapsedMs: 0,
    stateDir: profile.start ? profile.stateDir : null,
    mismatch: [],
    timeline: null,
    name: member.name,
    dependsOn: member.dependsOn,
    began: null,
    ended: null,
  };
}

export function groupSnapshot(
  group: Group,
  members: readonly MemberSnapshot[],
  failure: { readonly failed: string; readonly cleanup: readonly MemberRelease[] } | null,
  elapsedMs: number,
): GroupSnapshot {
  const failed = failure ? members.find((m) => m.name === failure.failed)! : null;
  const outcome = STRENGTH.find((o) => members.some((m) => m.outcome === o)) ?? 'external';
  return {
    profile: group.name,
    available: failure === null,
    pending: false,
    owned: failure === null && members.some((m) => m.owned),
    reused: failure === null && !members.some((m) => m.outcome === 'started'),
    outcome: failure ? 'unavailable' : outcome,
    reason: failed ? `${failed.name} failed: ${failed.reason}` : null,
    leaseId: failure ? null : formatGroupLease(members),
    components: members.flatMap((m) =>
      m.components.map((c) => ({ ...c, name: `${m.name}/${c.name}` })),
    ),
    env: { ...group.env },
    // Each member's own timeline, and `began`/`ended` per member for the chain.
    timeline: null,
    logTails: (failed?.logTails ?? []).map((t) => ({
      ...t,
      component: `${failed!.name}/${t.component}`,
    })),
    elapsedMs,
    stateDir: null,
    mismatch: members.flatMap((m) => m.mismatch.map((text) => `${m.name}: ${text}`)),
    members,
    failed: failed?.name ?? null,
    cleanup: failure?.cleanup ?? [],
  };
}
