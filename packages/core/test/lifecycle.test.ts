/**
 * The behaviour matrix with a real server process on a real port (process mode), and real
 * OS processes for the other runs.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defineServer,
  ensureServer,
  ServerUnavailableError,
  serverStatus,
  stackUsage,
} from '../src/index.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import {
  FIXTURES,
  isRunning,
  lifecycleEvents,
  portAccepts,
  Worker,
  waitFor,
} from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let dir: string;
let cleanup: Array<() => Promise<unknown> | unknown> = [];
beforeEach(async () => {
  const temp = await tempDir('lifecycle');
  dir = temp.dir;
  cleanup = [temp.remove];
});
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
});

const starts = async (file: string) =>
  (await lifecycleEvents(file)).filter((e) => e.what === 'start').length;

/** Starts the fixture server ourselves, outside stigmer-e2e (a developer's own server). */
function startOutside(port: number) {
  const child = spawn(process.execPath, [path.join(FIXTURES, 'server.mjs')], {
    env: { ...process.env, FIXTURE_PORT: String(port) },
    stdio: 'ignore',
  });
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

describe('process-mode stack: the behaviour matrix', () => {
  it('not running: started, owned, stopped by the last lease out, port free after', async () => {
    const stack = await fixtureStack(dir);
    const handle = await ensureServer(defineServer(stack.spec));
    expect(handle).toMatchObject({
      available: true,
      owned: true,
      reused: false,
      outcome: 'started',
    });
    expect(handle.env.FIXTURE_URL).toBe(`http://127.0.0.1:${stack.port}/`);
    expect(handle.components[0]).toMatchObject({
      name: 'web',
      ready: true,
      address: `localhost:${stack.port}`,
    });
    expect(await portAccepts(stack.port)).toBe(true);
    const result = await handle.release();
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await starts(stack.startsFile)).toBe(1);
    const status = await serverStatus(defineServer(stack.spec));
    expect(status).toMatchObject({ available: false, owner: null, leases: [] });
  });

  it('already running (not ours): reused and left running', async () => {
    const stack = await fixtureStack(dir);
    const outside = startOutside(stack.port);
    await waitFor(() => portAccepts(stack.port), 10_000, 'the outside server');
    const handle = await ensureServer(defineServer(stack.spec));
    expect(handle).toMatchObject({
      available: true,
      owned: false,
      reused: true,
      outcome: 'reused',
    });
    const result = await handle.release();
    expect(result.stop).toBeNull();
    expect(await portAccepts(stack.port)).toBe(true);
    expect(await isRunning(outside.pid!)).toBe(true);
  });

  it('fails to start: unavailable at once with the log tail, nothing left running', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_FAIL: '1', FIXTURE_DELAY_MS: '100' });
    const handle = await ensureServer(defineServer(stack.spec), {
      onUnavailable: 'skip',
      timeoutMs: 20_000,
    });
    expect(handle).toMatchObject({
      available: false,
      owned: false,
      outcome: 'unavailable',
      leaseId: null,
    });
    expect(handle.reason).toMatch(/server process .* exited with code 1 before it was ready/);
    const serverLog = handle.logTails.find((t) => t.component === 'server')!;
    expect(serverLog.lines.join('\n')).toContain('fatal: cannot bind: simulated failure');
    const status = await serverStatus(defineServer(stack.spec));
    expect(status.owner).toBeNull();
    expect(status.leases).toEqual([]);
    expect(status.lastFailure?.reason).toMatch(/exited with code 1/);
  });

  it('under the fail policy, an unavailable stack throws with the reason and the log tails', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_FAIL: '1' });
    const error = await ensureServer(defineServer(stack.spec), { onUnavailable: 'fail' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServerUnavailableError);
    expect((error as Error).message).toMatch(/fixture is unavailable: the server process/);
    expect((error as Error).message).toContain('fatal: cannot bind: simulated failure');
    expect((error as ServerUnavailableError).snapshot.available).toBe(false);
  });

  it('times out: unavailable naming the component, and what we started is stopped', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_DELAY_MS: '60000' });
    const handle = await ensureServer(defineServer(stack.spec), {
      onUnavailable: 'skip',
      timeoutMs: 1_000,
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/timed out after 1 s waiting for web \(.*connection refused\)/);
    const pid = Number((await readFile(stack.startsFile, 'utf8')).match(/start (\d+)/)![1]);
    expect(await isRunning(pid)).toBe(false);
  });

  it('a required component down, not ours: unavailable, naming it, nothing touched', async () => {
    const stack = await fixtureStack(dir);
    const [otherPort] = await (await import('@stigmer/e2e-emulator')).getFreePorts(1);
    const spec = {
      ...stack.spec,
      components: [
        { name: 'web', probe: { http: `http://localhost:${stack.port}/` } },
        { name: 'worker', probe: { tcp: `127.0.0.1:${otherPort}` } },
      ],
    };
    const outside = startOutside(stack.port);
    await waitFor(() => portAccepts(stack.port));
    const handle = await ensureServer(defineServer(spec), {
      onUnavailable: 'skip',
      timeoutMs: 500,
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/partly running \(web up\) but worker is down/);
    expect(await starts(stack.startsFile)).toBe(0);
    expect(await isRunning(outside.pid!)).toBe(true);
  });

  it('a port held by a process that is not the stack (pid file check): not mistaken for it', async () => {
    const stack = await fixtureStack(dir);
    const spec = {
      ...stack.spec,
      components: [
        {
          name: 'web',
          probe: { http: `http://localhost:${stack.port}/` },
          pidFile: path.join(dir, 'web.pid'),
        },
      ],
    };
    const outside = startOutside(stack.port);
    await waitFor(() => portAccepts(stack.port));
    const handle = await ensureServer(defineServer(spec), { onUnavailable: 'skip' });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(
      /answers, but there is no pid file .*another program holds it, not web/,
    );
    expect(handle.reason).toContain(
      `Port ${stack.port} is held by pid ${outside.pid} (${process.execPath}`,
    );
    expect(await isRunning(outside.pid!)).toBe(true);
  });

  it('a port already taken by a program that is not ready: nothing started, the holder named', async () => {
    const stack = await fixtureStack(dir);
    // Accepts TCP but never answers HTTP: not our server, and starting ours would collide.
    const squatter = spawn(
      process.execPath,
      ['-e', `require('net').createServer(() => {}).listen(${stack.port}, '127.0.0.1')`],
      { stdio: 'ignore' },
    );
    cleanup.push(() => squatter.kill('SIGKILL'));
    await waitFor(() => portAccepts(stack.port));
    const handle = await ensureServer(defineServer(stack.spec), {
      onUnavailable: 'skip',
      timeoutMs: 500,
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/accepts connections but web is not ready .*nothing was started/);
    expect(handle.reason).toContain(`Port ${stack.port} is held by pid ${squatter.pid}`);
    expect(await starts(stack.startsFile)).toBe(0);
    expect(await isRunning(squatter.pid!)).toBe(true);
  });

  it('a stack that ignores SIGTERM: SIGKILL after the stop timeout, reported, port free', async () => {
    const stack = await fixtureStack(
      dir,
      { FIXTURE_IGNORE_SIGTERM: '1' },
      { stop: { timeoutMs: 500 } },
    );
    const handle = await ensureServer(defineServer(stack.spec));
    const result = await handle.release();
    expect(result.stop!.steps.join('\n')).toMatch(/still running after 500 ms: SIGKILL/);
    expect(result.stop!.problems).toEqual([]);
    expect(await portAccepts(stack.port)).toBe(false);
  });

  it('a child that left the process group (own session) is swept too', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const stack = await fixtureStack(dir, { FIXTURE_GRANDCHILD_PID_FILE: pidFile });
    const handle = await ensureServer(defineServer(stack.spec));
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    expect(await isRunning(grandchild)).toBe(true);
    const result = await handle.release();
    expect(result.stop!.steps.join()).toMatch(/and to 1 descendant\(s\) outside it/);
    expect(await isRunning(grandchild)).toBe(false);
  });

  it('an abort while waiting stops what this run started and releases the lease', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_DELAY_MS: '60000' });
    const controller = new AbortController();
    const ensuring = ensureServer(defineServer(stack.spec), { signal: controller.signal });
    await waitFor(
      async () => (await starts(stack.startsFile)) === 1,
      10_000,
      'the server to start',
    );
    controller.abort(new Error('test aborted'));
    await expect(ensuring).rejects.toThrow();
    const pid = Number((await readFile(stack.startsFile, 'utf8')).match(/start (\d+)/)![1]);
    expect(await isRunning(pid)).toBe(false);
    expect(await serverStatus(defineServer(stack.spec))).toMatchObject({ owner: null, leases: [] });
  });
});

describe('process-mode stack: crashes and sharing across OS processes', () => {
  it('a second run arriving while the first is starting waits and shares: one start, one stop', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_DELAY_MS: '800' });
    const first = new Worker(stack.specFile, 60_000);
    await waitFor(async () => (await starts(stack.startsFile)) === 1, 10_000, 'the first start');
    const second = new Worker(stack.specFile, 60_000);
    const [a, b] = await Promise.all([first.next('ensured'), second.next('ensured')]);
    expect(a.handle).toMatchObject({ available: true, outcome: 'started', owned: true });
    expect(b.handle).toMatchObject({ available: true, outcome: 'joined', owned: false });
    first.finish(); // the owner leaves first: the stack stays for the second
    expect((await first.next('released')).result).toMatchObject({ stop: null, remaining: 1 });
    expect(await portAccepts(stack.port)).toBe(true);
    second.finish();
    expect((await second.next('released')).result).toMatchObject({
      stop: { stopped: true },
      remaining: 0,
    });
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await starts(stack.startsFile)).toBe(1);
  });

  it('the owner is SIGKILLed: the next run adopts the stack and stops it when done', async () => {
    const stack = await fixtureStack(dir);
    const owner = new Worker(stack.specFile, 60_000);
    expect((await owner.next('ensured')).handle).toMatchObject({ outcome: 'started' });
    owner.child.kill('SIGKILL');
    await owner.exited();
    expect(await portAccepts(stack.port)).toBe(true); // nothing stops it yet: the watchdog is not part of this test
    const next = await ensureServer(defineServer(stack.spec));
    expect(next).toMatchObject({ available: true, owned: true, outcome: 'adopted' });
    await next.release();
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await starts(stack.startsFile)).toBe(1);
  });

  it('a reuser is SIGKILLed: the stack is untouched', async () => {
    const stack = await fixtureStack(dir);
    const owner = await ensureServer(defineServer(stack.spec));
    const reuser = new Worker(stack.specFile, 60_000);
    expect((await reuser.next('ensured')).handle).toMatchObject({ outcome: 'joined' });
    reuser.child.kill('SIGKILL');
    await reuser.exited();
    expect(await portAccepts(stack.port)).toBe(true);
    const status = await serverStatus(defineServer(stack.spec));
    expect(status.leases.filter((l) => !l.alive)).toHaveLength(1);
    const result = await owner.release();
    expect(result).toMatchObject({ remaining: 0, stop: { stopped: true } });
  });

  it('a lease naming a live unrelated process (pid reused) is dead, and that process is never signalled', async () => {
    const stack = await fixtureStack(dir);
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    cleanup.push(() => bystander.kill('SIGKILL'));
    await waitFor(() => isRunning(bystander.pid!));
    const handle = await ensureServer(defineServer(stack.spec));
    // Rewrite the state so that the owner's lease and the server's identity name the bystander's
    // pid with another start time: what a reused pid looks like.
    const stateFile = path.join(stack.spec.stateDir!, 'state.json');
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    const serverPid = state.owner.process.pid;
    state.leases[0].holder = { pid: bystander.pid, startTime: '1' };
    state.leases.push({
      id: 'impostor',
      createdAt: 0,
      holder: { pid: bystander.pid, startTime: '2' },
      expiresAt: null,
      label: 'impostor',
    });
    await writeFile(stateFile, JSON.stringify(state));
    const status = await serverStatus(defineServer(stack.spec));
    expect(status.leases.map((l) => l.alive)).toEqual([false, false]);
    // The next run finds no live lease: it adopts, and its release stops the real server only.
    const next = await ensureServer(defineServer(stack.spec));
    expect(next.outcome).toBe('adopted');
    await next.release();
    expect(await isRunning(serverPid)).toBe(false);
    expect(await isRunning(bystander.pid!)).toBe(true);
    await handle.release(); // its lease was reaped: nothing to do
  });

  it('an owner record naming a reused pid: the stop never signals that process', async () => {
    const stack = await fixtureStack(dir);
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    cleanup.push(() => bystander.kill('SIGKILL'));
    const handle = await ensureServer(defineServer(stack.spec));
    const stateFile = path.join(stack.spec.stateDir!, 'state.json');
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    const serverPid = state.owner.process.pid;
    state.owner.process = { pid: bystander.pid, startTime: '1' };
    await writeFile(stateFile, JSON.stringify(state));
    const result = await handle.release();
    expect(result.stop!.steps.join()).toMatch(/already exited/);
    expect(await isRunning(bystander.pid!)).toBe(true);
    // The real server is found by the proof it carries (our launch id), not by the record.
    expect(result.stop!.steps.join()).toMatch(new RegExp(`SIGTERM to ${serverPid}`));
    expect(result.stop!.problems).toEqual([]);
    expect(await isRunning(serverPid)).toBe(false);
  });
});

describe('an external stack (no start): only probed', () => {
  it('is used when it answers, never leased, started or stopped', async () => {
    const stack = await fixtureStack(dir);
    const { start: _, ...external } = stack.spec;
    const outside = startOutside(stack.port);
    await waitFor(() => portAccepts(stack.port));
    const handle = await ensureServer(defineServer(external));
    expect(handle).toMatchObject({
      available: true,
      owned: false,
      outcome: 'external',
      leaseId: null,
      stateDir: null,
    });
    expect(await handle.release()).toEqual({
      released: false,
      stop: null,
      reason: 'no-lease',
      remaining: 0,
      usage: null,
    });
    expect(await isRunning(outside.pid!)).toBe(true);
    await expect(readFile(path.join(stack.spec.stateDir!, 'state.json'))).rejects.toThrow();
  });

  it('is unavailable, with the reason, when it does not answer', async () => {
    const stack = await fixtureStack(dir);
    const { start: _, ...external } = stack.spec;
    const handle = await ensureServer(defineServer(external), {
      onUnavailable: 'skip',
      timeoutMs: 300,
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(
      /external stack not ready: timed out after 0.3 s waiting for web/,
    );
  });
});

describe('the watchdog', () => {
  it('stops the stack once every holder died without releasing, with no other run needed', async () => {
    const stack = await fixtureStack(dir);
    const owner = new Worker(stack.specFile, 60_000, { STIGMER_E2E_WATCHDOG_GRACE_MS: '500' });
    expect((await owner.next('ensured')).handle).toMatchObject({ outcome: 'started' });
    const state = JSON.parse(await readFile(path.join(stack.spec.stateDir!, 'state.json'), 'utf8'));
    const watchdog = state.owner.watchdog.pid;
    expect(await isRunning(watchdog)).toBe(true);
    owner.child.kill('SIGKILL');
    await owner.exited();
    await waitFor(
      async () => !(await portAccepts(stack.port)),
      20_000,
      'the watchdog to stop the stack',
    );
    await waitFor(async () => !(await isRunning(watchdog)), 5_000, 'the watchdog to exit');
    expect(await serverStatus(defineServer(stack.spec))).toMatchObject({ owner: null, leases: [] });
    expect(await readFile(path.join(stack.spec.stateDir!, 'logs', 'watchdog.log'), 'utf8')).toMatch(
      /every lease holder died without releasing: stopping the stack/,
    );
  });

  it('exits when the owner releases normally, and is not started when opted out', async () => {
    const stack = await fixtureStack(dir);
    const handle = await ensureServer(defineServer(stack.spec));
    const state = JSON.parse(await readFile(path.join(stack.spec.stateDir!, 'state.json'), 'utf8'));
    await handle.release();
    await waitFor(
      async () => !(await isRunning(state.owner.watchdog.pid)),
      5_000,
      'the watchdog to exit',
    );
    const unwatched = await ensureServer(defineServer(stack.spec), { watchdog: false });
    const again = JSON.parse(await readFile(path.join(stack.spec.stateDir!, 'state.json'), 'utf8'));
    expect(again.owner.watchdog).toBeNull();
    await unwatched.release();
  });
});

describe('resource insight', () => {
  it('samples CPU and memory of the stack while the lease is held, reported on release', async () => {
    const stack = await fixtureStack(dir);
    const handle = await ensureServer(defineServer(stack.spec));
    await new Promise((r) => setTimeout(r, 2_500));
    const { usage } = await handle.release();
    expect(usage).not.toBeNull();
    const server = usage!.processes.find((p) => p.name === 'server')!;
    expect(server.peakRssMiB).toBeGreaterThan(10); // a node process: tens of MiB
    expect(server.avgRssMiB).toBeLessThanOrEqual(server.peakRssMiB);
    expect(server.avgCpuPercent).toBeGreaterThanOrEqual(0);
    expect(usage!.samples).toBeGreaterThanOrEqual(3);
    expect(usage!.total.peakRssMiB).toBeGreaterThanOrEqual(server.peakRssMiB);
  });

  it("reads a stack's usage over its processes' lives in one go (for a report from another process)", async () => {
    const stack = await fixtureStack(dir);
    const handle = await ensureServer(defineServer(stack.spec), { usage: false });
    const usage = await stackUsage(defineServer(stack.spec));
    expect(usage!.processes).toEqual([
      expect.objectContaining({ name: 'server', pid: expect.any(Number) }),
    ]);
    expect(usage!.processes[0]!.peakRssMiB).toBeGreaterThan(10);
    await handle.release();
  });

  it('can be turned off', async () => {
    const stack = await fixtureStack(dir);
    const handle = await ensureServer(defineServer(stack.spec), { usage: false });
    expect((await handle.release()).usage).toBeNull();
  });
});
