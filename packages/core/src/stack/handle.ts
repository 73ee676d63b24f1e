import type { ComponentStatus } from '../probe/component-status.js';
import type { UsageSummary } from '../process/usage.js';
import type { LogTail } from './log-tail.js';
import type { StopReport } from './stop.js';

/**
 * How this run got the stack:
 * - `started`: it was down; this run started it and owns it.
 * - `reused`: it was running, not started by stigmer-e2e; it is never stopped by us.
 * - `joined`: another run started it (maybe still starting); the last lease out stops it.
 * - `adopted`: a run that started it died without stopping it; this run owns it now.
 * - `external`: an external stack, only probed.
 * - `unavailable`: see `reason`.
 */
export type Outcome = 'started' | 'reused' | 'joined' | 'adopted' | 'external' | 'unavailable';

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
}

export interface ReleaseResult {
  /** False when the lease was not found (already released, expired, or reaped). */
  readonly released: boolean;
  /** Present when this release stopped the stack. */
  readonly stop: StopReport | null;
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
}
