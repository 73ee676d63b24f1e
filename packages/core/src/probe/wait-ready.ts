/**
 * Waits until every required component is ready: each component is probed on its own fast
 * schedule; the wait ends at once when `failure` settles (the process we started exited, the
 * run that was starting the stack gave up), on timeout, or on abort.
 */
import type { Component } from '../profile/profile.js';
import { formatSeconds } from '../report/words.js';
import { sleep } from '../util/sleep.js';
import { type Activity, pause } from './activity.js';
import { backoffDelay, wakeFloor } from './backoff.js';
import { type ComponentStatus, describeNotReady, probeComponent } from './component-status.js';

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Resolves with a reason when waiting is pointless (e.g. the server we started exited). */
  readonly failure?: Promise<string>;
  /** Readiness also waits for this (a daemon's start command returning). */
  readonly gate?: Promise<void>;
  /** Signs of life (log writes, pid files) that cut a pause between probes short. */
  readonly activity?: Activity;
  /** Called whenever a component's readiness or detail changes. */
  readonly onProgress?: (components: readonly ComponentStatus[], elapsedMs: number) => void;
}

/** When each thing the wait waited for was seen ready (epoch ms). */
export interface ReadyTimes {
  readonly components: Readonly<Record<string, number>>;
  /** The gate (a daemon's start command returning), when there was one. */
  readonly gate: number | null;
}

export type WaitResult =
  | { ready: true; components: ComponentStatus[]; elapsedMs: number; readyTimes: ReadyTimes }
  | {
      ready: false;
      components: ComponentStatus[];
      elapsedMs: number;
      reason: string;
      readyTimes: ReadyTimes;
    };

export async function waitReady(
  components: readonly Component[],
  options: WaitOptions,
): Promise<WaitResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const statuses: ComponentStatus[] = components.map((c) => ({
    name: c.name,
    required: c.required,
    ready: false,
    address: null,
    detail: 'waiting',
    foreign: false,
  }));
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  const readyAt: Record<string, number> = {};
  let gateAt: number | null = null;

  const watch = async (component: Component, index: number): Promise<void> => {
    const minMs = wakeFloor(component.probe);
    for (let attempt = 0; ; attempt++) {
      const woken = await pause(backoffDelay(attempt, component.probe), {
        ...(options.activity ? { activity: options.activity } : {}),
        minMs,
        signal,
      });
      // After a sign of life, probe again soon: a server logs as it starts, then listens.
      if (woken) attempt = 0;
      const status = await probeComponent(component);
      if (signal.aborted) return;
      const previous = statuses[index]!;
      statuses[index] = status;
      if (status.ready !== previous.ready || status.detail !== previous.detail) {
        options.onProgress?.(statuses, elapsed());
      }
      if (status.ready) {
        readyAt[component.name] = Date.now();
        return;
      }
    }
  };

  let gateOpen = !options.gate;
  void options.gate?.then(() => {
    gateOpen = true;
    gateAt = Date.now();
  });
  const waitingFor = () =>
    describeNotReady(statuses) || (gateOpen ? 'the stack' : 'the start command to return');
  type Outcome = { kind: 'ready' } | { kind: 'failed'; reason: string };
  const required = components.map((c, i) => [c, i] as const).filter(([c]) => c.required);
  const outcomes: Promise<Outcome>[] = [
    Promise.all([...required.map(([c, i]) => watch(c, i)), options.gate]).then(() => ({
      kind: 'ready',
    })),
    sleep(options.timeoutMs, stop.signal).then(() => ({
      kind: 'failed',
      reason: `timed out after ${formatSeconds(options.timeoutMs)} waiting for ${waitingFor()}`,
    })),
  ];
  if (options.failure)
    outcomes.push(options.failure.then((reason) => ({ kind: 'failed', reason })));

  let outcome: Outcome;
  try {
    outcome = await Promise.race(outcomes);
  } finally {
    stop.abort();
  }
  // Swallow the aborts of the losers.
  for (const o of outcomes) o.catch(() => {});
  options.signal?.throwIfAborted();

  // Optional components are reported as they are now, without holding up readiness.
  await Promise.all(
    components.map(async (c, i) => {
      if (!c.required || outcome.kind === 'failed') statuses[i] = await probeComponent(c);
    }),
  );
  const readyTimes = { components: readyAt, gate: gateAt };
  return outcome.kind === 'ready'
    ? { ready: true, components: statuses, elapsedMs: elapsed(), readyTimes }
    : {
        ready: false,
        components: statuses,
        elapsedMs: elapsed(),
        reason: outcome.reason,
        readyTimes,
      };
}
