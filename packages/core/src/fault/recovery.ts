/**
 * How a component recovered from a fault: when it went down, when the stack brought it back (a
 * new process or container, or the paused one thawed), when its probe said ready. Bounded; a
 * component that does not come back is reported with its log tail.
 */
import { NotRecoveredError } from '../errors.js';
import { runProbe } from '../probe/run-probe.js';
import type { Component, Profile } from '../profile/profile.js';
import { formatLogTails, type LogTail, readLogTails } from '../report/log-tail.js';
import { formatSeconds } from '../report/words.js';
import { sleep } from '../util/sleep.js';
import type { FaultKind, FaultRecord } from './inject.js';
import { type FaultTarget, observe, sameTarget } from './target.js';

export interface Recovery {
  readonly component: string;
  /** The fault waited on (null: none injected here; then only readiness is waited for). */
  readonly fault: FaultKind | null;
  readonly recovered: boolean;
  /** Epoch ms; null where it did not happen (yet). */
  readonly injectedAt: number | null;
  readonly wentDownAt: number | null;
  /** A process or container of the component seen again (a new one; after a pause, thawed). */
  readonly backAt: number | null;
  /** Its probe said ready. */
  readonly readyAt: number | null;
  /** wentDownAt to backAt: how long the stack took to bring it back. */
  readonly downMs: number | null;
  /** backAt to readyAt: how long it took to be ready once back. */
  readonly probeMs: number | null;
  /** wentDownAt to readyAt: the recovery time. */
  readonly recoveryMs: number | null;
  /** What was faulted, and what came back (another pid or container after a restart). */
  readonly before: FaultTarget | null;
  readonly after: FaultTarget | null;
  /** The last thing seen: the probe's words, or why it is still down. */
  readonly detail: string;
  /** When not recovered: the last lines of the component's log. */
  readonly logTails: readonly LogTail[];
}

export interface WaitReadyOptions {
  /** Bound on the whole wait from now. Default 60 s (Stigmer's supervisor checks every 10 s). */
  timeoutMs?: number;
  /** Log lines in the report of a component that did not come back. Default 50. */
  logLines?: number;
  /** Aborting stops the wait (rejects with the signal's reason). */
  signal?: AbortSignal;
}

const DEFAULT_RECOVERY_TIMEOUT_MS = 60_000;
const POLL_MS = 50;
const PROBE_TIMEOUT_MS = 1_000;

const span = (from: number | null, to: number | null) =>
  from !== null && to !== null ? to - from : null;

/** Waits for `component` to be back and ready after `fault` (or just ready, without one). */
export async function waitRecovery(
  profile: Profile,
  component: Component,
  fault: FaultRecord | null,
  { timeoutMs = DEFAULT_RECOVERY_TIMEOUT_MS, logLines = 50, signal }: WaitReadyOptions = {},
): Promise<Recovery> {
  const deadline = Date.now() + timeoutMs;
  let backAt: number | null = null;
  let readyAt: number | null = null;
  let after: FaultTarget | null = null;
  let detail = '';
  while (readyAt === null && Date.now() < deadline) {
    signal?.throwIfAborted();
    if (backAt === null) {
      const seen = await observe(component);
      detail = seen.detail;
      const back =
        seen.state === 'up' &&
        (fault === null || fault.fault === 'pause' || !sameTarget(seen.target, fault.target));
      if (back) {
        backAt = Date.now();
        after = seen.target;
      }
    }
    if (backAt !== null) {
      const probe = await runProbe(component.probe, { timeoutMs: PROBE_TIMEOUT_MS });
      detail = probe.detail;
      if (probe.ready) readyAt = Date.now();
    }
    if (readyAt === null) await sleep(POLL_MS, signal);
  }
  const wentDownAt = fault?.wentDownAt ?? null;
  const recovered = readyAt !== null;
  const recovery: Recovery = {
    component: component.name,
    fault: fault?.fault ?? null,
    recovered,
    injectedAt: fault?.injectedAt ?? null,
    wentDownAt,
    backAt,
    readyAt,
    downMs: span(wentDownAt, backAt),
    probeMs: span(backAt, readyAt),
    recoveryMs: span(wentDownAt, readyAt),
    before: fault?.target ?? null,
    after,
    detail,
    logTails: recovered
      ? []
      : await readLogTails({ [component.name]: profile.logs[component.name] ?? [] }, logLines),
  };
  if (!recovered) throw new NotRecoveredError(describeNotRecovered(recovery, timeoutMs), recovery);
  return recovery;
}

function describeNotRecovered(recovery: Recovery, timeoutMs: number): string {
  const what = recovery.fault ? ` after ${recovery.fault}` : '';
  const stage =
    recovery.backAt === null
      ? 'did not come back'
      : `came back but was not ready ${formatSeconds(Date.now() - recovery.backAt)} later`;
  const tails = recovery.logTails.length > 0 ? `\n${formatLogTails(recovery.logTails)}` : '';
  return `${recovery.component} ${stage} within ${formatSeconds(timeoutMs)}${what}: ${recovery.detail}${tails}`;
}
