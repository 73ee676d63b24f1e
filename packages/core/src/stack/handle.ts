/** The handle ensure returns: what this run got, as data, and how to let it go. */
import { ServerUnavailableError } from '../errors.js';
import { type Faults, faults } from '../fault/faults.js';
import type { ComponentStatus } from '../probe/component-status.js';
import type { UsageSummary } from '../process/usage.js';
import { describeUnavailable } from '../report/describe.js';
import type { LogTail } from '../report/log-tail.js';
import type { Outcome, ReleaseReason } from '../report/outcome.js';
import { watchUsage } from '../report/stack-usage.js';
import type { Timeline } from '../state/state.js';
import type { Context } from './context.js';
import { releaseLease } from './release.js';
import type { StopReport } from './stop.js';

/** The handle as plain data: what `stigmer-e2e up --json` prints and Vitest's `inject` carries. */
export interface HandleSnapshot {
  readonly profile: string;
  readonly available: boolean;
  /**
   * Returned before readiness by `ensureServer(..., { wait: false })`: not yet available, and
   * not failed either. Resume with `ensureServer(profile, { resume: leaseId })`.
   */
  readonly pending: boolean;
  /** This run's lease owns the stack: it is stopped when the last lease is released. */
  readonly owned: boolean;
  /** The stack was not started by this run. */
  readonly reused: boolean;
  readonly outcome: Outcome;
  /** Why it is unavailable (null when available). */
  readonly reason: string | null;
  readonly leaseId: string | null;
  readonly components: readonly ComponentStatus[];
  /** What tests need to reach the stack, e.g. STIGMER_SERVER_ADDR, TEMPORAL_ADDRESS. */
  readonly env: Readonly<Record<string, string>>;
  /** When unavailable after a start: the last lines of each component's log. */
  readonly logTails: readonly LogTail[];
  /** Time spent in ensure, from call to ready (or to giving up). */
  readonly elapsedMs: number;
  readonly stateDir: string | null;
  /**
   * How a running stack's settings differ from what the profile asks for (e.g. another LLM
   * model); empty when they match or cannot be told.
   */
  readonly mismatch: readonly string[];
  /** How the start went (launched, start command returned, each component ready), when this run waited for its own start. */
  readonly timeline: Timeline | null;
}

export interface ReleaseResult {
  /** False when the lease was not found (already released, expired, or reaped). */
  readonly released: boolean;
  /** Present when this release stopped the stack. */
  readonly stop: StopReport | null;
  /** Why the stack was or was not stopped. */
  readonly reason: ReleaseReason;
  /** Leases still alive after this one was dropped. */
  readonly remaining: number;
  /** CPU and memory of the stack's processes while this lease was held (null if not sampled). */
  readonly usage: UsageSummary | null;
}

export interface ServerHandle extends HandleSnapshot {
  /** Drops this run's lease; stops the stack if this was the last lease on a stack we started. Idempotent. */
  release(): Promise<ReleaseResult>;
  /** The handle as plain data (no functions), e.g. for JSON or `project.provide`. */
  snapshot(): HandleSnapshot;
  /**
   * Failure injection on a component of this stack (kill, stop, pause) and its recovery time.
   * Only on a stack stigmer-e2e started; `release()` resumes what these paused.
   */
  readonly faults: Faults;
}

export interface Result {
  outcome: Outcome;
  reason?: string | undefined;
  components: readonly ComponentStatus[];
  leaseId: string | null;
  logTails?: LogTail[];
  /** Returned before readiness (`wait: false`). */
  pending?: boolean;
  /** How the running stack's settings differ from the profile's `startedWith`. */
  mismatch?: readonly string[];
  timeline?: Timeline;
}

/** Builds the handle; under the `fail` policy an unavailable stack throws instead. */
export function makeHandle(ctx: Context, result: Result): ServerHandle {
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
    timeline: result.timeline ?? null,
  };
  if (result.outcome === 'unavailable' && ctx.policy === 'fail') {
    throw new ServerUnavailableError(describeUnavailable(snapshot), snapshot);
  }
  const leaseId = result.leaseId;
  const usage = available && leaseId && ctx.usage ? watchUsage(profile) : null;
  let releasing: Promise<ReleaseResult> | undefined;
  const stackFaults = faults(profile);
  return {
    ...snapshot,
    snapshot: () => snapshot,
    faults: stackFaults,
    release: () => {
      releasing ??= (async () => {
        await stackFaults.resumeAll();
        // Sampling ends before the release, which may stop the stack.
        const summary = (await usage?.stop()) ?? null;
        if (!leaseId)
          return { released: false, stop: null, reason: 'no-lease', remaining: 0, usage: null };
        return {
          ...(await releaseLease(profile, leaseId, { logger: ctx.logger })),
          usage: summary,
        };
      })();
      return releasing;
    },
  };
}
