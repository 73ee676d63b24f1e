import { ServerUnavailableError } from '../errors.js';
import type { ComponentStatus } from '../probe/component-status.js';
import type { Context } from './context.js';
import { formatComponents } from './format.js';
import type { HandleSnapshot, Outcome, ReleaseResult, ServerHandle } from './handle.js';
import { formatLogTails, type LogTail } from './log-tail.js';
import { releaseLease } from './release.js';
import { watchUsage } from './usage.js';

export interface Result {
  outcome: Outcome;
  reason?: string;
  components: readonly ComponentStatus[];
  leaseId: string | null;
  logTails?: LogTail[];
  /** Returned before readiness (`wait: false`). */
  pending?: boolean;
  /** How the running stack's settings differ from the profile's `startedWith`. */
  mismatch?: readonly string[];
}

/** Builds the handle; under the `fail` policy an unavailable stack throws instead. */
export function finish(ctx: Context, result: Result): ServerHandle {
  const { profile } = ctx;
  const pending = result.pending ?? false;
  const available = result.outcome !== 'unavailable' && !pending;
  const snapshot: HandleSnapshot = {
    profile: profile.name,
    available,
    pending,
    owned: result.outcome === 'started' || result.outcome === 'adopted',
    reused: result.outcome !== 'started' && result.outcome !== 'unavailable',
    outcome: result.outcome,
    reason: result.reason ?? null,
    leaseId: result.leaseId,
    components: result.components,
    env: { ...profile.env },
    logTails: result.logTails ?? [],
    elapsedMs: ctx.elapsed(),
    stateDir: profile.start ? profile.stateDir : null,
    mismatch: result.mismatch ?? [],
  };
  if (result.outcome === 'unavailable' && ctx.policy === 'fail') {
    throw new ServerUnavailableError(describeUnavailable(snapshot), snapshot);
  }
  const leaseId = result.leaseId;
  const usage = available && leaseId && ctx.options.usage !== false ? watchUsage(profile) : null;
  let releasing: Promise<ReleaseResult> | undefined;
  return {
    ...snapshot,
    snapshot: () => snapshot,
    release: () => {
      releasing ??= (async () => {
        if (!leaseId) return { released: false, stop: null, remaining: 0, usage: null };
        // Sampling ends before the release, which may stop the stack.
        const summary = (await usage?.stop()) ?? null;
        return {
          ...(await releaseLease(profile, leaseId, { logger: ctx.logger })),
          usage: summary,
        };
      })();
      return releasing;
    },
  };
}

/** The full story of an unavailable stack: the reason, each component, each log's last lines. */
export function describeUnavailable(snapshot: HandleSnapshot): string {
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Components:\n${formatComponents(snapshot.components)}`,
  ];
  if (snapshot.logTails.length > 0)
    parts.push(`Last log lines:\n${formatLogTails(snapshot.logTails)}`);
  return parts.join('\n\n');
}
