/**
 * Faults of the lifecycle itself (issue 12: wrong kills, leaks, hangs, false "ready"), each made
 * for real: real processes, files and signals; a preload kills a run at an exact moment.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getFreePorts } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer, type ServerSpec, serverStatus } from '../src/index.js';
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
  const temp = await tempDir('faults');
  dir = temp.dir;
  cleanup = [temp.remove];
});
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** SIGKILLs, at the end of the test, every server the fixture recorded as started (by its pid). */
function killServersAfter(startsFile: string): void {
  cleanup.push(async () => {
    for (const { pid } of await lifecycleEvents(startsFile)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
}

/** A process that is not part of any stack: the user's editor, say. */
function bystander(): number {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  cleanup.push(() => child.kill('SIGKILL'));
  return child.pid!;
}

const PRELOAD = path.join(FIXTURES, 'die-after-spawn.mjs');

/** A daemon-mode stack: fixtures/daemon-start.mjs launches the server, writes web.pid, returns. */
async function daemonStack(env: Record<string, string> = {}, extra: Partial<ServerSpec> = {}) {
  const [port] = (await getFreePorts(1)) as [number];
  const startsFile = path.join(dir, 'starts.log');
  const pidFile = path.join(dir, 'web.pid');
  killServersAfter(startsFile);
  const spec: ServerSpec = {
    name: 'daemon',
    stateDir: path.join(dir, 'state'),
    start: {
      command: [process.execPath, path.join(FIXTURES, 'daemon-start.mjs'), pidFile],
      mode: 'daemon',
      env: { FIXTURE_PORT: String(port), FIXTURE_STARTS_FILE: startsFile, ...env },
    },
    stop: {
      command: [
        process.execPath,
        '-e',
        `process.kill(Number(require('fs').readFileSync(${JSON.stringify(pidFile)}, 'utf8')))`,
      ],
      timeoutMs: 3_000,
    },
    components: [{ name: 'web', probe: { tcp: `127.0.0.1:${port}` }, pidFile }],
    readyTimeoutMs: 15_000,
    ...extra,
  };
  const specFile = path.join(dir, 'spec.json');
  await writeFile(specFile, JSON.stringify(spec));
  return { spec, specFile, port, startsFile, pidFile };
}

describe('wrong kills', () => {
  it('a stale pid file naming an unrelated process: never recorded as ours, never signalled, the stop says so', async () => {
    const other = bystander();
    const stalePid = path.join(dir, 'helper.pid');
    await writeFile(stalePid, `${other}\n`); // left from before a reboot: now the user's editor
    const stack = await daemonStack(
      {},
      {
        components: [],
      },
    );
    const spec: ServerSpec = {
      ...stack.spec,
      components: [
        { name: 'web', probe: { tcp: `127.0.0.1:${stack.port}` }, pidFile: stack.pidFile },
        { name: 'helper', required: false, probe: { pidFile: stalePid } },
      ],
    };
    const handle = await ensureServer(defineServer(spec));
    expect(handle).toMatchObject({ available: true, owned: true });
    const state = JSON.parse(await readFile(path.join(dir, 'state', 'state.json'), 'utf8'));
    expect(state.owner.identity.map((e: { pid: number }) => e.pid)).not.toContain(other);
    const result = await handle.release();
    expect(result.stop?.stopped).toBe(true);
    expect(await isRunning(other)).toBe(true);
    expect(result.stop?.steps.join('\n')).toMatch(
      new RegExp(`helper: pid ${other} .*not started by this run.*left alone`),
    );
    expect(await portAccepts(stack.port)).toBe(false);
  });
});

describe('leaks', () => {
  it('the starting run SIGKILLed right after launching the start command: the next run stops what it launched', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_DELAY_MS: '300' });
    killServersAfter(stack.startsFile);
    const first = new Worker(stack.specFile, 60_000, {
      NODE_OPTIONS: `--import ${PRELOAD}`,
      DIE_AFTER_SPAWN_OF: 'server.mjs',
    });
    cleanup.push(() => first.child.kill('SIGKILL'));
    await first.exited();
    expect(first.child.signalCode).toBe('SIGKILL');
    await waitFor(() => portAccepts(stack.port), 10_000, 'the server the dead run launched');
    const next = await ensureServer(defineServer(stack.spec), { watchdog: false });
    expect(next).toMatchObject({ available: true, owned: true });
    const result = await next.release();
    expect(result.stop?.stopped).toBe(true);
    const [launched] = await lifecycleEvents(stack.startsFile);
    await waitFor(async () => !(await isRunning(launched!.pid)), 5_000, 'the server to stop');
    expect(await portAccepts(stack.port)).toBe(false);
  });
});

describe('hangs', () => {
  it('joiners notice at once that the run starting the stack died, and say why it failed', async () => {
    const stack = await fixtureStack(dir, { FIXTURE_DELAY_MS: '4000', FIXTURE_FAIL: '1' });
    killServersAfter(stack.startsFile);
    const starter = new Worker(stack.specFile, 60_000);
    cleanup.push(() => starter.child.kill('SIGKILL'));
    await waitFor(
      async () => (await lifecycleEvents(stack.startsFile)).length > 0,
      10_000,
      'the start',
    );
    const joiner = new Worker(stack.specFile, 0, { WORKER_TIMEOUT_MS: '20000' });
    cleanup.push(() => joiner.child.kill('SIGKILL'));
    await waitFor(
      async () => (await serverStatus(defineServer(stack.spec))).leases.length === 2,
      10_000,
      'the joiner to take its lease',
    );
    starter.child.kill('SIGKILL');
    const ensured = await joiner.next('ensured', 40_000);
    expect(ensured.handle?.available).toBe(false);
    expect(ensured.handle?.reason).not.toMatch(/timed out/);
    // The joiner took the start over; the server is not its child, so its exit code is not
    // known: the reason says it exited, its log says why.
    expect(ensured.handle?.reason).toMatch(/the server process .* exited before it was ready/);
    expect(JSON.stringify(ensured.handle)).toContain('fatal: cannot bind: simulated failure');
  });
});

describe('false ready', () => {
  it('daemon mode: not ready while the start command still runs, even though the port is open', async () => {
    const returned = path.join(dir, 'returned');
    const stack = await daemonStack({
      DAEMON_RETURN_DELAY_MS: '1500',
      DAEMON_RETURNED_FILE: returned,
    });
    const handle = await ensureServer(defineServer(stack.spec));
    expect(handle.available).toBe(true);
    expect(existsSync(returned)).toBe(true);
    await handle.release();
  });

  it('daemon mode: a start command that exits non-zero after the port opened is a failed start', async () => {
    const stack = await daemonStack({ DAEMON_RETURN_DELAY_MS: '500', DAEMON_EXIT_CODE: '3' });
    const handle = await ensureServer(defineServer(stack.spec), { onUnavailable: 'skip' });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/exited with code 3/);
    expect(await portAccepts(stack.port)).toBe(false);
  });
});
