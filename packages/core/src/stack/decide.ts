/**
 * The heart of `ensure`, as a pure function of what the state dir and the probes say.
 * Kept pure so every row of the behaviour matrix is a unit test.
 */
import { type ComponentStatus, describeNotReady } from '../probe/component-status.js';
import type { Ownership } from '../state/state.js';

export type Decision =
  /** Running and not started by us: use it, never stop it. */
  | { kind: 'reuse' }
  /** We started it and other runs hold leases (maybe still starting it): share it, wait for it. */
  | { kind: 'join' }
  /** We started it, every holder died without releasing: take the ownership over. */
  | { kind: 'adopt' }
  /** As adopt, but the stack is down or half up: stop what is left, then start it again. */
  | { kind: 'restart' }
  /** Not running: start it and own it. */
  | { kind: 'start' }
  /**
   * Partly up and not started by us: maybe someone is starting it right now. Wait a little for
   * it (never touching it); `reason` is the answer if it does not settle.
   */
  | { kind: 'settle'; reason: string }
  | { kind: 'unavailable'; reason: string };

export interface DecisionInput {
  readonly owner: Ownership | null;
  /** Leases whose holders are alive, not counting the one being added. */
  readonly liveLeases: number;
  /** The owner's start command or server is still running (a start in progress). */
  readonly starterAlive: boolean;
  readonly statuses: readonly ComponentStatus[];
}

export function decide({ owner, liveLeases, starterAlive, statuses }: DecisionInput): Decision {
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
      return { kind: 'join' };
    }
    if (allReady || (owner.phase === 'starting' && starterAlive)) return { kind: 'adopt' };
    return { kind: 'restart' };
  }
  const foreign = required.filter((s) => s.foreign);
  if (foreign.length > 0) {
    return {
      kind: 'unavailable',
      reason: `${foreign.map((s) => `${s.name}: ${s.detail}`).join('; ')}. Nothing was started or stopped; free the port or stop that process.`,
    };
  }
  if (allReady) return { kind: 'reuse' };
  const up = required.filter((s) => s.ready);
  if (up.length > 0) {
    const down = required.filter((s) => !s.ready);
    return {
      kind: 'settle',
      reason:
        `the stack is partly running (${up.map((s) => s.name).join(', ')} up) but ${down.map((s) => `${s.name} is down (${s.detail})`).join(', ')}. ` +
        'It was not started by stigmer-e2e, so nothing was touched; restart it yourself.',
    };
  }
  return { kind: 'start' };
}
