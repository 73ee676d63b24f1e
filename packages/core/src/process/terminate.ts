/**
 * Stopping a process we started, and everything it started: freeze the tree (so that it cannot
 * grow while we list it), signal its group and each descendant that left it, wait, escalate to
 * SIGKILL. A leader that is gone (a wrapper such as sh or npm that exited or was killed) may have
 * left its children in its group: those are stopped one by one. Every signal goes only to a
 * process whose pid and start time match what was recorded or listed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sleep } from '../util/sleep.js';
import { isProvenDead, isSameProcess, liveness, type ProcessRef } from './identity.js';
import { signalGroup, signalVerified } from './signal.js';
import { type Descendant, descendants, orphans } from './tree.js';

const run = promisify(execFile);
const POLL_MS = 20;

/** The processes of `refs` not proven dead (one that cannot be checked may still run). */
async function notDead(refs: readonly ProcessRef[]): Promise<ProcessRef[]> {
  const dead = await Promise.all(refs.map((r) => isProvenDead(r)));
  return refs.filter((_, i) => !dead[i]);
}

/** Waits until each of `refs` is proven dead, up to `timeoutMs`. Returns the others. */
async function waitGone(refs: readonly ProcessRef[], timeoutMs: number): Promise<ProcessRef[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = await notDead(refs);
    if (alive.length === 0 || Date.now() >= deadline) return alive;
    await sleep(POLL_MS);
  }
}

export interface TerminateResult {
  /** What happened, in order, for the user. */
  readonly steps: string[];
  /** Processes still alive at the end (should be empty). */
  readonly survivors: ProcessRef[];
}

/** Stops a group leader we started (`detached`), its group and its descendants. */
export async function terminateTree(
  leader: ProcessRef,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<TerminateResult> {
  const steps: string[] = [];
  const state = await liveness(leader);
  if (state === 'unknown') {
    return {
      steps: [`could not check whether pid ${leader.pid} still runs: nothing was signalled`],
      survivors: [leader],
    };
  }
  if (state === 'dead') return sweepOrphans(leader, signal, timeoutMs);
  if (process.platform === 'win32') {
    // Windows is not supported for started stacks (Stigmer has no Windows build). taskkill
    // without /F only asks windows to close, which console programs refuse: end the tree now.
    await run('taskkill', ['/PID', String(leader.pid), '/T', '/F'], {
      windowsHide: true,
      timeout: 10_000,
    }).catch(() => {});
    steps.push(
      `taskkill /T /F pid ${leader.pid} (Windows has no graceful stop for console programs)`,
    );
    return { steps, survivors: await waitGone([leader], 2_000) };
  }
  const below = await freeze(leader);
  const tree = [leader, ...below];
  // Descendants that started their own group or session miss the group signal: one each.
  const outside = below.filter((d) => d.pgid !== leader.pid);
  signalGroup(leader.pid, signal);
  await Promise.all(outside.map((d) => signalVerified(d, signal)));
  // Thawed, they act on the signal (a stopped process only dies of SIGKILL).
  signalGroup(leader.pid, 'SIGCONT');
  await Promise.all(outside.map((d) => signalVerified(d, 'SIGCONT')));
  const inGroup = tree.length - outside.length;
  steps.push(
    `${signal} to process group ${leader.pid} (${inGroup} process${inGroup === 1 ? '' : 'es'})` +
      (outside.length > 0
        ? ` and to ${outside.length} descendant(s) outside it (${outside.map((d) => d.pid).join(', ')})`
        : ''),
  );
  return escalate(leader, tree, timeoutMs, steps);
}

/**
 * Stops (SIGSTOP) the leader's group, then every descendant outside it, until no new one
 * appears. A stopped process starts nothing, so the list returned is complete: a component
 * started between listing and signalling, in a session of its own, would otherwise outlive us.
 */
async function freeze(leader: ProcessRef): Promise<Descendant[]> {
  signalGroup(leader.pid, 'SIGSTOP');
  const known = new Map<number, Descendant>();
  for (let round = 0; round < 10; round++) {
    const fresh = (await descendants(leader.pid)).filter((d) => !known.has(d.pid));
    if (fresh.length === 0) break;
    for (const d of fresh) known.set(d.pid, d);
    await Promise.all(
      fresh.filter((d) => d.pgid !== leader.pid).map((d) => signalVerified(d, 'SIGSTOP')),
    );
  }
  return [...known.values()];
}

/**
 * The leader is gone: what it left in its group, and below those, is frozen (SIGSTOP, each by
 * identity, until no new one appears), signalled and thawed one by one, then escalated.
 */
async function sweepOrphans(
  leader: ProcessRef,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<TerminateResult> {
  const known = new Map<number, Descendant>();
  for (let round = 0; round < 10; round++) {
    const fresh = (await orphans(leader)).filter((d) => !known.has(d.pid));
    if (fresh.length === 0) break;
    for (const d of fresh) known.set(d.pid, d);
    await Promise.all(fresh.map((d) => signalVerified(d, 'SIGSTOP')));
  }
  const left = [...known.values()];
  if (left.length === 0)
    return {
      steps: [`pid ${leader.pid} had already exited, leaving nothing behind`],
      survivors: [],
    };
  await Promise.all(left.map((d) => signalVerified(d, signal)));
  await Promise.all(left.map((d) => signalVerified(d, 'SIGCONT')));
  const steps = [
    `pid ${leader.pid} had already exited: ${signal} to the ${left.length} process${left.length === 1 ? '' : 'es'} it left (${left.map((d) => d.pid).join(', ')})`,
  ];
  return escalate(leader, left, timeoutMs, steps);
}

/** Waits for the tree to go, then SIGKILLs what is left. */
async function escalate(
  leader: ProcessRef,
  tree: ProcessRef[],
  timeoutMs: number,
  steps: string[],
): Promise<TerminateResult> {
  let survivors = await waitGone(tree, timeoutMs);
  if (survivors.length > 0) {
    steps.push(
      `still running after ${timeoutMs} ms: SIGKILL to ${survivors.map((s) => s.pid).join(', ')}`,
    );
    await forceKill(leader, survivors);
    survivors = await waitGone(survivors, 2_000);
  }
  return { steps, survivors };
}

async function forceKill(leader: ProcessRef, refs: readonly ProcessRef[]): Promise<void> {
  if (await isSameProcess(leader)) signalGroup(leader.pid, 'SIGKILL');
  // Descendants that made their own group or session are not reached by the group signal.
  await Promise.all(refs.map((r) => signalVerified(r, 'SIGKILL')));
}

/** SIGTERM (verified) to each process, wait, then SIGKILL the survivors. */
export async function terminateEach(
  refs: readonly ProcessRef[],
  timeoutMs: number,
): Promise<TerminateResult> {
  const steps: string[] = [];
  const live = await notDead(refs);
  if (live.length === 0) return { steps, survivors: [] };
  await Promise.all(live.map((r) => signalVerified(r, 'SIGTERM')));
  steps.push(`SIGTERM to ${live.map((r) => r.pid).join(', ')}`);
  let survivors = await waitGone(live, timeoutMs);
  if (survivors.length > 0) {
    steps.push(`SIGKILL to ${survivors.map((r) => r.pid).join(', ')}`);
    await Promise.all(survivors.map((r) => signalVerified(r, 'SIGKILL')));
    survivors = await waitGone(survivors, 2_000);
  }
  return { steps, survivors };
}
