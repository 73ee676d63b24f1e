/**
 * The one vocabulary every surface prints with: what an outcome means to a person, why a
 * release did or did not stop the stack, durations and usage lines. The CLI, the Vitest adapter
 * and the Action hold no wording of their own for these. `who` is what the surface calls the
 * user of the stack: a run (CLI, Vitest, a library call) or a job (the Action).
 */
import type { GroupSnapshot, MemberSnapshot } from '../group/handle.js';
import type { GroupReleaseResult } from '../group/release-group.js';
import type { UsageSummary } from '../process/usage.js';
import type { HandleSnapshot, ReleaseResult } from '../stack/handle.js';
import type { Outcome } from './outcome.js';

export type Who = 'run' | 'job';

/** "1.2 s", or "6 s" for whole seconds (a timeout as it was given). */
export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** How this run (or job) got the stack, in a few words: "started by this run, which owns it". */
export function describeOutcome(outcome: Outcome, who: Who = 'run'): string {
  switch (outcome) {
    case 'started':
      return `started by this ${who}, which owns it`;
    case 'adopted':
      return `left behind by a run that died: adopted, this ${who} owns it`;
    case 'joined':
      return 'started by another stigmer-e2e run: shared, the last run out stops it';
    case 'reused':
      return 'already running, not started by stigmer-e2e: it will be left running';
    case 'external':
      return 'an external stack, only probed';
    case 'unavailable':
      return 'unavailable';
  }
}

/** How a stack became available: `again` after it was lost (a watch-mode rerun got it back). */
export interface AvailableWording {
  readonly again?: boolean;
}

/** "✓ stigmer is available (started by this run, which owns it) after 4.2 s" */
export function describeAvailable(
  snapshot: HandleSnapshot,
  who: Who = 'run',
  { again = false }: AvailableWording = {},
): string {
  return `✓ ${snapshot.profile} is available${again ? ' again' : ''} (${describeOutcome(snapshot.outcome, who)}) after ${formatSeconds(snapshot.elapsedMs)}`;
}

/**
 * What a release did, for a person: "stigmer stopped in 1.3 s (this run started it and was the
 * last one using it)." `outcome` is how this run got the stack, so a run that joined and leaves
 * last is not told it started the stack (null: not known, e.g. `down` on another process's lease).
 */
export function describeRelease(
  profile: string,
  outcome: Outcome | null,
  result: ReleaseResult,
  who: Who = 'run',
): string {
  const { stop } = result;
  const problems =
    stop && stop.problems.length > 0 ? `, with problems: ${stop.problems.join('; ')}` : '';
  switch (result.reason) {
    case 'stopped': {
      const why =
        outcome === null
          ? 'stigmer-e2e started it and no other run uses it'
          : outcome === 'started' || outcome === 'adopted'
            ? `this ${who} started it and was the last one using it`
            : `another run started it; this ${who} was the last one using it`;
      return `${profile} stopped in ${formatSeconds(stop!.durationMs)} (${why})${problems}.`;
    }
    case 'stopped-always':
      return `${profile} stopped in ${formatSeconds(stop!.durationMs)} (stop: always)${problems}.`;
    case 'replaced':
      return `${profile} left running: someone restarted it since stigmer-e2e started it, so it is no longer ours (${stop!.steps.join('; ')}).`;
    case 'in-use':
      return `${profile} left running for ${result.remaining} other ${result.remaining === 1 ? 'run' : 'runs'}; the last one out stops it.`;
    case 'not-ours':
      return `${profile} left running: it was not started by stigmer-e2e.`;
    case 'kept':
      return `${profile} left running (stop: never); it is no longer stigmer-e2e's to stop.`;
    case 'no-lease':
      return `${profile}: this ${who} held no lease any more (already released, expired, or its holder died); nothing was stopped.`;
  }
}

/** "stigmer, while this run held it (12 s): peak 412 MiB, 3.1% CPU on average (stigmer-server 80 MiB, 1%; ...)" */
export function describeUsage(
  profile: string,
  usage: UsageSummary | null,
  who: Who = 'run',
): string | null {
  if (!usage) return null;
  const each = usage.processes
    .map((p) => `${p.name} ${p.peakRssMiB} MiB, ${p.avgCpuPercent}%`)
    .join('; ');
  return (
    `${profile}, while this ${who} held it (${Math.round(usage.durationMs / 1000)} s): ` +
    `peak ${usage.total.peakRssMiB} MiB, ${usage.total.avgCpuPercent}% CPU on average (${each})`
  );
}

/**
 * One line per member, in start order, with when its ensure began and ended and what it waited
 * for: "  ✓ app       started by this run, which owns it (4.1 → 5.0 s, after stigmer, db)".
 * ✗ marks the member that failed, - one never started because a member it needs failed.
 */
export function describeMembers(members: readonly MemberSnapshot[], who: Who = 'run'): string {
  const width = Math.max(0, ...members.map((m) => m.name.length));
  return members
    .map((m) => {
      const mark = m.available ? '✓' : m.began === null ? '-' : '✗';
      const what = m.available ? describeOutcome(m.outcome, who) : `unavailable: ${m.reason}`;
      const after = m.dependsOn.length > 0 ? `after ${m.dependsOn.join(', ')}` : '';
      const times =
        m.began !== null && m.ended !== null
          ? `${(m.began / 1000).toFixed(1)} → ${formatSeconds(m.ended)}`
          : '';
      const when = [times, after].filter(Boolean).join(', ');
      return `  ${mark} ${m.name.padEnd(width)}  ${what}${when ? ` (${when})` : ''}`;
    })
    .join('\n');
}

/** "✓ shop is available after 6.3 s (3 members):" and a line per member. */
export function describeGroupAvailable(
  snapshot: GroupSnapshot,
  who: Who = 'run',
  { again = false }: AvailableWording = {},
): string {
  return `✓ ${snapshot.profile} is available${again ? ' again' : ''} after ${formatSeconds(snapshot.elapsedMs)} (${snapshot.members.length} members):\n${describeMembers(snapshot.members, who)}`;
}

/**
 * What a group's release did, member by member in the order the releases ended (dependents
 * first), each in `describeRelease`'s words. `members` says how this run got each member (null:
 * not known, e.g. `down` on another process's lease).
 */
export function describeGroupRelease(
  group: string,
  members: readonly MemberSnapshot[] | null,
  result: GroupReleaseResult,
  who: Who = 'run',
): string {
  if (result.members.length === 0) return `${group}: this ${who} held no member any more.`;
  const lines = result.members.flatMap((r) => {
    const outcome = members?.find((m) => m.name === r.name)?.outcome ?? null;
    const usage = describeUsage(r.name, r.usage, who);
    return [`  ${describeRelease(r.name, outcome, r, who)}`, ...(usage ? [`    ${usage}`] : [])];
  });
  return `${group} released in ${formatSeconds(result.elapsedMs)}, dependents first:\n${lines.join('\n')}`;
}
