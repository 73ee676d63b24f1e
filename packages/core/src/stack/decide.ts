/**
 * The heart of `ensure`, as a pure function of what the state dir and the probes say, and the
 * one table from a decision to the outcome a user is told. Kept pure so every row of the
 * behaviour matrix is a unit test.
 */
import { type ComponentStatus, describeNotReady } from '../probe/component-status.js';
import type { Outcome } from '../report/outcome.js';
import type { Ownership } from '../state/state.js';

export type Decision =
  /** This lease already owns the stack (resuming after `wait: false`, e.g. an Action's pre). */
  | { kind: 'own' }
  /** Running and not started by us: use it, never stop it. */
  | { kind: 'reuse'; mismatch: readonly string[] }
  /** We started it and other runs hold leases (maybe still starting it): share it, wait for it. */
  | { kind: 'join'; mismatch: readonly string[] }
  /** We started it, every holder died without releasing: take the ownership over. */
  | { kind: 'adopt' }
  /**
   * Ours and nobody else uses it, but it is down or half up (`broken`: the run that started it
   * died), or runs with other settings than asked (`mismatch`): stop it, then start it again.
   */
  | { kind: 'restart'; why: 'broken' | 'mismatch'; mismatch: readonly string[] }
  /** Not running: start it and own it. */
  | { kind: 'start' }
  /**
   * Partly up and not started by us: maybe someone is starting it right now. Wait a little for
   * it (never touching it); `reason` is the answer if it does not settle, unless `thenStart`:
   * its daemon is down and the start command copes with what is left, so it is started then.
   */
  | { kind: 'settle'; reason: string; thenStart: boolean }
  | { kind: 'unavailable'; reason: string };

export interface DecisionInput {
  readonly owner: Ownership | null;
  /** The owner is the lease this run holds (a resumed lease). */
  readonly ownedByUs: boolean;
  /** Leases whose holders are alive, not counting this run's. */
  readonly liveLeases: number;
  /** The owner's start command or server is still running (a start in progress). */
  readonly starterAlive: boolean;
  readonly statuses: readonly ComponentStatus[];
  /** How the running stack's settings differ from the profile's (empty: same, or cannot tell). */
  readonly mismatch: readonly string[];
  readonly onMismatch: 'reuse' | 'unavailable';
  /** The first component with a pid file: the daemon the stack hangs on. */
  readonly anchor: string | null;
  /** The profile's start command copes with what an earlier stack left (`start.toleratesLeftovers`). */
  readonly toleratesLeftovers: boolean;
  /** A settle wait has already shown that nobody is completing the partial stack. */
  readonly settled: boolean;
}

export function decide(input: DecisionInput): Decision {
  const { owner, liveLeases, starterAlive, statuses, mismatch } = input;
  if (owner && input.ownedByUs) return { kind: 'own' };
  const required = statuses.filter((s) => s.required);
  const allReady = required.every((s) => s.ready);
  if (owner) {
    if (liveLeases > 0) {
      // Ready once, now down, while others use it: waiting would only time out. Their
      // release (the last one out) stops what is left.
      if (owner.phase === 'running' && !allReady) {
        return {
          kind: 'unavailable',
          reason: `the stack started by stigmer-e2e (in use by ${liveLeases} other run${liveLeases === 1 ? '' : 's'}) is no longer ready: ${describeNotReady(statuses)}`,
        };
      }
      return mismatched(input) ?? { kind: 'join', mismatch };
    }
    if (allReady && mismatch.length > 0) return { kind: 'restart', why: 'mismatch', mismatch };
    if (allReady || (owner.phase === 'starting' && starterAlive)) return { kind: 'adopt' };
    return { kind: 'restart', why: 'broken', mismatch: [] };
  }
  const foreign = required.filter((s) => s.foreign);
  if (foreign.length > 0) {
    return {
      kind: 'unavailable',
      reason: `${foreign.map((s) => `${s.name}: ${s.detail}`).join('; ')}. Nothing was started or stopped; free the port or stop that process.`,
    };
  }
  if (allReady) return mismatched(input) ?? { kind: 'reuse', mismatch };
  const up = required.filter((s) => s.ready);
  if (up.length === 0) return { kind: 'start' };
  // Left over by a stop that leaves parts running (`stigmer server stop` leaves Temporal): the
  // start command copes with it, once a short wait shows nobody is starting the stack right now.
  const daemonDown = statuses.some((s) => s.name === input.anchor && !s.ready);
  if (input.toleratesLeftovers && daemonDown && input.settled) return { kind: 'start' };
  const down = required.filter((s) => !s.ready);
  return {
    kind: 'settle',
    thenStart: input.toleratesLeftovers && daemonDown,
    reason:
      `the stack is partly running (${up.map((s) => s.name).join(', ')} up) but ${down.map((s) => `${s.name} is down (${s.detail})`).join(', ')}. ` +
      'It was not started by stigmer-e2e, so nothing was touched; restart it yourself.',
  };
}

/** A stack this run may not restart runs with other settings: `onMismatch` says whether that is fatal. */
function mismatched(input: DecisionInput): Decision | null {
  const reason = refuseMismatch(input.mismatch, input.onMismatch);
  return reason ? { kind: 'unavailable', reason } : null;
}

/** The reason a stack running with other settings is unavailable, or null when it may be used. */
export function refuseMismatch(
  mismatch: readonly string[],
  onMismatch: 'reuse' | 'unavailable',
): string | null {
  if (mismatch.length === 0 || onMismatch === 'reuse') return null;
  return (
    `it is running with other settings: ${mismatch.join('; ')}. It was not started by this run (or others use it), so it was left as it is; ` +
    "stop it to get a stack with these settings, or pass onMismatch: 'reuse' (CLI: --on-mismatch reuse) to use it anyway."
  );
}

/** What the user is told this run got, for each decision. */
export function outcomeOf(decision: Decision): Outcome {
  switch (decision.kind) {
    case 'own':
    case 'start':
      return 'started';
    case 'reuse':
    case 'settle':
      return 'reused';
    case 'join':
      return 'joined';
    case 'adopt':
      return 'adopted';
    case 'restart':
      return decision.why === 'broken' ? 'adopted' : 'started';
    case 'unavailable':
      return 'unavailable';
  }
}
