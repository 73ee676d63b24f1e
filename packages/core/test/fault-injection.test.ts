/**
 * Failure injection against the emulated Stigmer stack (real processes, real signals, real
 * ports; the `docker` stand-in is the mock of a Docker engine, which cannot run here): each fault
 * (kill, stop, pause; on a process and on the agent-runner container), the recovery the stack
 * makes (the supervisor restarts workflow-runner and re-creates the container, a killed Temporal
 * stays down), the resume that does not depend on the caller, and each refusal. Recovery times
 * are printed (`recovery:` lines).
 */
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { EmulatorKnobs } from '@stigmer/e2e-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ComponentNotRunningError,
  ExternalStackError,
  ensureServer,
  faults,
  NotOursError,
  NotRecoveredError,
  type Recovery,
  ReusedStackError,
  type ServerHandle,
  UnknownComponentError,
} from '../src/index.js';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { isRunning, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const run = promisify(execFile);
const CORE = fileURLToPath(new URL('../dist/index.js', import.meta.url));
/** The supervisor checks often and restarts at once, so a test waits seconds, not tens. */
const FAST = {
  healthCheckIntervalMs: 300,
  restartDelayMs: 100,
  supervisorStopWaitMs: 200,
  supervisorStartWaitMs: 300,
};

let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: EmulatedStigmer | undefined;
let handle: ServerHandle | undefined;

async function start(knobs: EmulatorKnobs = FAST): Promise<ServerHandle> {
  temp = await tempDir('fault');
  stack = await emulatedStigmer(temp.dir, knobs);
  handle = await ensureServer(
    stack.profile({ require: ['temporal', 'workflow-runner', 'agent-runner'] }),
  );
  expect(handle, handle.reason ?? '').toMatchObject({ available: true, owned: true });
  return handle;
}

async function stopAll(): Promise<void> {
  await handle?.release();
  handle = undefined;
  await stack?.cleanup();
  stack = undefined;
  await temp?.remove();
}

function report(what: string, r: Recovery): void {
  console.log(
    `recovery: ${what}: down ${r.downMs} ms until back, then ${r.probeMs} ms until ready: ${r.recoveryMs} ms in all`,
  );
}

function expectOrdered(r: Recovery): void {
  expect(r.recovered).toBe(true);
  expect(r.injectedAt!).toBeLessThanOrEqual(r.wentDownAt!);
  expect(r.wentDownAt!).toBeLessThanOrEqual(r.backAt!);
  expect(r.backAt!).toBeLessThanOrEqual(r.readyAt!);
  expect(r.recoveryMs).toBe(r.readyAt! - r.wentDownAt!);
}

const docker = (...args: string[]) =>
  run('docker', args, { env: { ...process.env, ...stack!.env } }).then((r) => r.stdout.trim());
const processState = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
};

describe('one stack, each fault followed by its recovery', () => {
  let h: ServerHandle;
  const restarted: number[] = [];
  beforeAll(async () => {
    h = await start();
  });
  afterAll(stopAll);

  it('kill workflow-runner: SIGKILLed by identity; the supervisor restarts it under a new pid', async () => {
    const before = (await stack!.pid('workflow-runner'))!;
    const fault = await h.faults.kill('workflow-runner');
    expect(fault).toMatchObject({
      fault: 'kill',
      target: {
        kind: 'process',
        pid: before,
        foundBy: expect.stringContaining('workflow-runner.pid'),
      },
    });
    expect(await isRunning(before)).toBe(false);
    const recovery = await h.faults.waitReady('workflow-runner');
    report('kill workflow-runner', recovery);
    expectOrdered(recovery);
    const after = recovery.after as { pid: number };
    expect(after.pid).not.toBe(before);
    expect(after.pid).toBe(await stack!.pid('workflow-runner'));
    restarted.push(after.pid);
  });

  it('stop workflow-runner: SIGTERM, it exits on its own; back after the supervisor restart', async () => {
    // The supervisor gives up on a workflow-runner that dies within its start wait ("crashed
    // immediately after startup", as in supervisor.go): the last restart must be past it.
    await sleep(FAST.supervisorStartWaitMs + 700);
    const before = (await stack!.pid('workflow-runner'))!;
    const fault = await h.faults.stop('workflow-runner', { timeoutMs: 2_000 });
    expect(fault.steps).toEqual([`SIGTERM to ${before}`]);
    expect(await isRunning(before)).toBe(false);
    const recovery = await h.faults.waitReady('workflow-runner');
    report('stop workflow-runner', recovery);
    expectOrdered(recovery);
    restarted.push((recovery.after as { pid: number }).pid);
  });

  it('kill agent-runner: `docker kill` (Docker leaves it down); the supervisor re-creates the container', async () => {
    const before = await docker('inspect', '-f', '{{.Id}}', 'stigmer-agent-runner');
    const fault = await h.faults.kill('agent-runner');
    expect(fault.target).toMatchObject({ kind: 'container', id: before });
    expect(fault.steps[0]).toMatch(/^docker kill /);
    const recovery = await h.faults.waitReady('agent-runner');
    report('kill agent-runner (docker kill)', recovery);
    expectOrdered(recovery);
    expect((recovery.after as { id: string }).id).not.toBe(before);
    expect(await docker('inspect', '-f', '{{.State.Running}}', 'stigmer-agent-runner')).toBe(
      'true',
    );
  });

  it('stop agent-runner: `docker stop -t`; the supervisor re-creates the container', async () => {
    const fault = await h.faults.stop('agent-runner', { timeoutMs: 2_000 });
    expect(fault.steps[0]).toMatch(/^docker stop -t 2 /);
    const recovery = await h.faults.waitReady('agent-runner');
    report('stop agent-runner (docker stop)', recovery);
    expectOrdered(recovery);
  });

  it('pause Temporal 1.5 s: frozen (its health check unanswered), thawed by the resumer, SERVING again', async () => {
    const pid = (await stack!.pid('temporal'))!;
    const fault = await h.faults.pause('temporal', { forMs: 1_500 });
    expect(fault.resumeAt! - fault.injectedAt).toBe(1_500);
    expect(fault.target).toMatchObject({
      pid,
      foundBy: `listener on localhost:${stack!.ports.temporal}`,
    });
    expect(await processState(pid)).toBe('T');
    const recovery = await h.faults.waitReady('temporal');
    report('pause temporal 1.5 s', recovery);
    expectOrdered(recovery);
    expect(recovery.backAt! - fault.injectedAt).toBeGreaterThanOrEqual(1_450);
    expect(recovery.after).toMatchObject({ pid }); // the same process, thawed
    expect(await processState(pid)).not.toBe('T');
  });

  it('pause agent-runner 1 s: `docker pause`, still "running" to Docker, unpaused by the resumer', async () => {
    await h.faults.pause('agent-runner', { forMs: 1_000 });
    expect(
      await docker('inspect', '-f', '{{.State.Running}} {{.State.Paused}}', 'stigmer-agent-runner'),
    ).toBe('true true');
    const recovery = await h.faults.waitReady('agent-runner');
    report('pause agent-runner 1 s', recovery);
    expectOrdered(recovery);
    expect(await docker('inspect', '-f', '{{.State.Paused}}', 'stigmer-agent-runner')).toBe(
      'false',
    );
  });

  it('the caller SIGKILLed mid-pause: the detached resumer thaws the process at once', async () => {
    await sleep(FAST.supervisorStartWaitMs + 700); // past the supervisor's start wait, as above
    const pid = (await stack!.pid('workflow-runner'))!;
    const script = path.join(temp.dir, 'pause-and-hang.mjs');
    await writeFile(
      script,
      `import { faults, stigmer } from ${JSON.stringify(CORE)};
await faults(stigmer(${JSON.stringify(stack!.options())})).pause('workflow-runner', { forMs: 60000 });
process.stdout.write('paused\\n');
setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, [script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...stack!.env },
    });
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    expect(await processState(pid)).toBe('T');
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await waitFor(async () => (await processState(pid)) !== 'T', 5_000, 'the resumer to thaw it');
    console.log(
      `recovery: the resumer thawed workflow-runner ${Date.now() - killedAt} ms after its caller died`,
    );
  });

  it('resume(): a pause ended early, the resumer left with nothing to do', async () => {
    const pid = (await stack!.pid('workflow-runner'))!;
    await h.faults.pause('workflow-runner', { forMs: 60_000 });
    expect(await processState(pid)).toBe('T');
    expect(await h.faults.resume('workflow-runner')).toBe(true);
    expect(await processState(pid)).not.toBe('T');
    expect(await h.faults.resume('workflow-runner')).toBe(false);
  });

  it('refused, nothing signalled: an external stack, an unknown component, a pid file naming a stranger', async () => {
    const external = faults(stack!.profile({ external: true }), { allowReused: true });
    await expect(external.kill('workflow-runner')).rejects.toBeInstanceOf(ExternalStackError);
    const unknown = await h.faults.kill('workflow-runer').catch((e) => e);
    expect(unknown).toBeInstanceOf(UnknownComponentError);
    expect((unknown as Error).message).toContain(
      'Expected one of: stigmer-server, temporal, workflow-runner, agent-runner',
    );
    const file = path.join(stack!.home, '.stigmer', 'data', 'workflow-runner.pid');
    const own = await readFile(file, 'utf8');
    const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
    // The supervisor watches its own child, not the file: the file keeps the stranger's pid.
    await writeFile(file, String(stranger.pid));
    const error = await h.faults.kill('workflow-runner').catch((e) => e);
    expect(error).toBeInstanceOf(NotOursError);
    expect(await isRunning(stranger.pid!)).toBe(true);
    stranger.kill('SIGKILL');
    await writeFile(file, own);
  });

  it('the release stops what the stack restarted after the faults (it is still ours)', async () => {
    const result = await h.release();
    handle = undefined;
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    for (const pid of restarted) expect(await isRunning(pid)).toBe(false);
  });
});

describe('a stack of its own', () => {
  afterEach(stopAll);

  it('kill Temporal: found by its port, stays down (as with the real CLI): not recovered, with its log tail', async () => {
    const h = await start();
    const fault = await h.faults.kill('temporal');
    expect(fault.target).toMatchObject({ pid: await stack!.pid('temporal') });
    const error = await h.faults.waitReady('temporal', { timeoutMs: 1_500 }).catch((e) => e);
    expect(error).toBeInstanceOf(NotRecoveredError);
    const recovery = (error as NotRecoveredError).recovery;
    expect(recovery).toMatchObject({ recovered: false, backAt: null, readyAt: null });
    expect(recovery.detail).toMatch(/nothing listens/);
    expect(recovery.logTails[0]).toMatchObject({ component: 'temporal', missing: false });
    expect(recovery.logTails[0]!.lines.length).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(/temporal did not come back within 1\.5 s after kill/);
    // Not running any more: a second fault is refused.
    await expect(h.faults.kill('temporal')).rejects.toBeInstanceOf(ComponentNotRunningError);
  });

  it("kill workflow-runner with Stigmer's own supervisor timings: back within one 10 s check, 2 s stop wait and 5 s delay", async () => {
    const h = await start({});
    const fault = await h.faults.kill('workflow-runner');
    const recovery = await h.faults.waitReady('workflow-runner', { timeoutMs: 30_000 });
    report("kill workflow-runner (Stigmer's timings)", recovery);
    expectOrdered(recovery);
    expect(recovery.backAt! - fault.wentDownAt).toBeGreaterThanOrEqual(7_000);
    expect(recovery.backAt! - fault.wentDownAt).toBeLessThanOrEqual(20_000);
  }, 90_000);

  it('stop: a process that ignores SIGTERM is SIGKILLed after the stop timeout', async () => {
    const h = await start({ ...FAST, ignoreSigterm: true });
    const before = (await stack!.pid('workflow-runner'))!;
    const began = Date.now();
    const fault = await h.faults.stop('workflow-runner', { timeoutMs: 500 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(500);
    expect(fault.steps).toEqual([`SIGTERM to ${before}`, `SIGKILL to ${before}`]);
    expect(await isRunning(before)).toBe(false);
  });

  it('release resumes a pause at once: the stack stops cleanly, long before the pause would end', async () => {
    const h = await start();
    const pid = (await stack!.pid('workflow-runner'))!;
    await h.faults.pause('workflow-runner', { forMs: 120_000 });
    expect(await processState(pid)).toBe('T');
    const result = await h.release();
    handle = undefined;
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    expect(await isRunning(pid)).toBe(false);
  });

  it('refused: a stack that was already running (reused) unless allowReused; then the fault goes ahead', async () => {
    temp = await tempDir('fault');
    stack = await emulatedStigmer(temp.dir, FAST);
    await stack.startOutside();
    handle = await ensureServer(stack.profile());
    expect(handle).toMatchObject({ available: true, outcome: 'reused' });
    const pid = (await stack.pid('workflow-runner'))!;
    const error = await handle.faults.kill('workflow-runner').catch((e) => e);
    expect(error).toBeInstanceOf(ReusedStackError);
    expect((error as Error).message).toMatch(/not started by stigmer-e2e.*allowReused: true/s);
    expect(await isRunning(pid)).toBe(true);
    await handle.faults.kill('workflow-runner', { allowReused: true });
    expect(await isRunning(pid)).toBe(false);
  });
});
