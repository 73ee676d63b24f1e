/**
 * The faults themselves, on a target already found and proven the stack's: every signal goes
 * through `signalVerified` (pid and start time), every Docker command names the container by
 * the id found. Each returns once the fault took effect (the process dead, the container
 * stopped, the process or container frozen), with when.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ComponentNotRunningError } from '../errors.js';
import { isProvenDead, type ProcessRef } from '../process/identity.js';
import { programPath } from '../process/program-path.js';
import { runBounded } from '../process/run-bounded.js';
import { signalVerified } from '../process/signal.js';
import { spawnDetached } from '../process/spawn-detached.js';
import { terminateEach } from '../process/terminate.js';
import type { Component } from '../profile/profile.js';
import { sleep } from '../util/sleep.js';
import { writePause } from './pauses.js';
import { isStopped } from './process-state.js';
import { describeTarget, type FaultTarget, observe } from './target.js';

export type FaultKind = 'kill' | 'stop' | 'pause';

/** One fault, as done: what was hit, when, and what happened. */
export interface FaultRecord {
  readonly fault: FaultKind;
  readonly component: string;
  readonly target: FaultTarget;
  /** Epoch ms: the signal (or Docker command) was sent. */
  readonly injectedAt: number;
  /** Epoch ms: the component was seen down (dead, stopped, frozen). */
  readonly wentDownAt: number;
  readonly steps: readonly string[];
  /** pause only: resumed then at the latest (epoch ms). */
  readonly resumeAt: number | null;
  /** pause only: the record the resumer watches. */
  readonly pauseId: string | null;
}

/** How long a killed process may take to be gone (a zombie counts as gone). */
const GONE_TIMEOUT_MS = 5_000;
/** Docker commands besides `docker stop`'s own wait. */
const DOCKER_TIMEOUT_MS = 15_000;

const notRunning = (component: string, detail: string) =>
  new ComponentNotRunningError(
    `${component} stopped running before the fault reached it (${detail}): nothing was signalled.`,
    'Check `stigmer-e2e status`; wait for it with waitReady() first if it is restarting.',
  );

async function waitGone(ref: ProcessRef, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isProvenDead(ref))) {
    if (Date.now() >= deadline) return false;
    await sleep(10);
  }
  return true;
}

/** Waits until the component is seen in `state` (for a container: its state after a Docker command). */
async function waitContainer(component: Component, state: 'down' | 'paused'): Promise<number> {
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  for (;;) {
    const seen = await observe(component);
    if (seen.state === state || Date.now() >= deadline) return Date.now();
    await sleep(20);
  }
}

async function docker(args: string[], timeoutMs = DOCKER_TIMEOUT_MS): Promise<string> {
  const result = await runBounded(['docker', ...args], { timeoutMs });
  const shown = `docker ${args.join(' ')}`;
  if (result.exitCode !== 0)
    throw new ComponentNotRunningError(
      `${shown} failed: ${result.stderr.trim() || result.spawnError || `exit ${result.exitCode}`}.`,
      'Check the container with `docker inspect`; the fault was not applied.',
    );
  return shown;
}

const record = (
  fault: FaultKind,
  target: FaultTarget,
  injectedAt: number,
  wentDownAt: number,
  steps: string[],
  pause: { resumeAt: number; pauseId: string } | null = null,
): FaultRecord => ({
  fault,
  component: target.component,
  target,
  injectedAt,
  wentDownAt,
  steps,
  resumeAt: pause?.resumeAt ?? null,
  pauseId: pause?.pauseId ?? null,
});

/** SIGKILL (a process) or `docker kill` (a container). */
export async function killTarget(component: Component, target: FaultTarget): Promise<FaultRecord> {
  const injectedAt = Date.now();
  if (target.kind === 'container') {
    const step = await docker(['kill', target.id]);
    return record('kill', target, injectedAt, await waitContainer(component, 'down'), [step]);
  }
  if (!(await signalVerified(target, 'SIGKILL')))
    throw notRunning(component.name, describeTarget(target));
  const gone = await waitGone(target, GONE_TIMEOUT_MS);
  const steps = [`SIGKILL to ${describeTarget(target)}`];
  if (!gone) steps.push(`still not gone ${GONE_TIMEOUT_MS} ms after SIGKILL`);
  return record('kill', target, injectedAt, Date.now(), steps);
}

/** SIGTERM, then SIGKILL after `timeoutMs` (a process), or `docker stop -t` (a container). */
export async function stopTarget(
  component: Component,
  target: FaultTarget,
  timeoutMs: number,
): Promise<FaultRecord> {
  const injectedAt = Date.now();
  if (target.kind === 'container') {
    const seconds = Math.max(0, Math.ceil(timeoutMs / 1000));
    const step = await docker(
      ['stop', '-t', String(seconds), target.id],
      timeoutMs + DOCKER_TIMEOUT_MS,
    );
    return record('stop', target, injectedAt, await waitContainer(component, 'down'), [step]);
  }
  const result = await terminateEach([target], timeoutMs);
  if (result.steps.length === 0) throw notRunning(component.name, describeTarget(target));
  const steps = [...result.steps];
  if (result.survivors.length > 0) steps.push(`pid ${target.pid} survived SIGKILL`);
  return record('stop', target, injectedAt, Date.now(), steps);
}

/**
 * SIGSTOP (a process) or `docker pause` (a container), and the detached resumer that thaws it
 * at `forMs`, or as soon as `holder` is proven dead: the resume never depends on the caller.
 */
export async function pauseTarget(
  component: Component,
  target: FaultTarget,
  { forMs, stateDir, holder }: { forMs: number; stateDir: string; holder: ProcessRef | null },
): Promise<FaultRecord> {
  const id = randomUUID();
  const injectedAt = Date.now();
  const resumeAt = injectedAt + forMs;
  // The record and its resumer exist before the freeze: no instant where a paused component has
  // nobody to resume it.
  const file = writePause(stateDir, { id, target, pausedAt: injectedAt, resumeAt, holder });
  await spawnDetached([process.execPath, programPath('fault-resumer'), stateDir, file], {
    env: process.env,
    logFile: path.join(stateDir, 'logs', `fault-resumer-${id}.log`),
  });
  try {
    if (target.kind === 'container') {
      const step = await docker(['pause', target.id]);
      return record('pause', target, injectedAt, await waitContainer(component, 'paused'), [step], {
        resumeAt,
        pauseId: id,
      });
    }
    if (!(await signalVerified(target, 'SIGSTOP')))
      throw notRunning(component.name, describeTarget(target));
  } catch (error) {
    rmSync(file, { force: true }); // nothing paused: the resumer, seeing it gone, exits
    throw error;
  }
  // The kernel stops it on its way back to user space: seen stopped a moment later.
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  while (!(await isStopped(target)) && Date.now() < deadline) await sleep(5);
  return record(
    'pause',
    target,
    injectedAt,
    Date.now(),
    [`SIGSTOP to ${describeTarget(target)}, resumed in ${forMs} ms at the latest`],
    { resumeAt, pauseId: id },
  );
}
