/**
 * The Stigmer profile against the emulator of the real `stigmer` CLI: real daemonized child
 * processes, real gRPC health, real pid files and logs in a temp HOME, on free ports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ComponentStatus, ensureServer, releaseServer, serverStatus } from '../src/index.js';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { isRunning, portAccepts } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: EmulatedStigmer | undefined;
beforeEach(async () => {
  temp = await tempDir('stigmer');
});
afterEach(async () => {
  // Whatever a test left running, stop it (the emulator only ever signals its own pids).
  await stack?.cleanup();
  stack = undefined;
  await temp.remove();
});

describe('the Stigmer profile (emulated CLI)', () => {
  it('not running: starts it with `stigmer server`, waits for Temporal SERVING, stops it after', async () => {
    stack = await emulatedStigmer(temp.dir, { temporalReadyDelayMs: 800 });
    const seen: ComponentStatus[][] = [];
    const handle = await ensureServer(stack.profile(), {
      onProgress: (c) => seen.push(c.map((s) => ({ ...s }))),
    });
    expect(handle).toMatchObject({ available: true, owned: true, outcome: 'started' });
    expect(handle.env).toEqual({
      STIGMER_SERVER_ADDR: `localhost:${stack.ports.server}`,
      TEMPORAL_ADDRESS: `localhost:${stack.ports.temporal}`,
      TEMPORAL_SERVICE_ADDRESS: `localhost:${stack.ports.temporal}`,
    });
    // Temporal accepted TCP before it served: port open was not taken for ready.
    const temporal = seen.flat().filter((s) => s.name === 'temporal');
    expect(temporal.some((s) => !s.ready && s.detail.includes('NOT_SERVING'))).toBe(true);
    expect(handle.components.find((c) => c.name === 'temporal')).toMatchObject({
      ready: true,
      detail: expect.stringContaining('SERVING'),
    });
    const server = (await stack.pid('daemon'))!;
    await new Promise((r) => setTimeout(r, 1_500)); // tests run: long enough for usage samples
    const result = await handle.release();
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    // Resource insight: the processes its pid files name were sampled while the lease was held.
    expect(result.usage!.processes.map((p) => p.name)).toEqual(
      expect.arrayContaining(['stigmer-server', 'temporal']),
    );
    expect(await isRunning(server)).toBe(false);
    expect(await portAccepts(stack.ports.server)).toBe(false);
    expect(await portAccepts(stack.ports.temporal)).toBe(false);
  });

  it('already running: reused without ever running `stigmer server` (which would restart it), left running', async () => {
    stack = await emulatedStigmer(temp.dir);
    await stack.cli('server');
    const before = await stack.pid('daemon');
    const handle = await ensureServer(stack.profile());
    expect(handle).toMatchObject({ available: true, owned: false, outcome: 'reused' });
    await handle.release();
    expect(await stack.pid('daemon')).toBe(before);
    expect(await isRunning(before!)).toBe(true);
    expect((await stack.cli('server', 'status')).stdout).toContain('Running');
  });

  it('stop: always stops a stack that was already running, with its stop command', async () => {
    stack = await emulatedStigmer(temp.dir);
    await stack.cli('server');
    const server = (await stack.pid('daemon'))!;
    const handle = await ensureServer(stack.profile(), { lease: { kind: 'explicit' } });
    expect(handle.outcome).toBe('reused');
    const result = await releaseServer(stack.profile(), handle.leaseId!, { stop: 'always' });
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    expect(await isRunning(server)).toBe(false);
  });

  it('running with Temporal down (not ours): unavailable naming temporal, nothing touched', async () => {
    stack = await emulatedStigmer(temp.dir, { temporalNeverReady: true });
    await stack.cli('server');
    const before = await stack.pid('daemon');
    const handle = await ensureServer(stack.profile(), { onUnavailable: 'skip', timeoutMs: 1_500 });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(
      /partly running .* temporal is down .* After 1.5 s, still not ready: temporal \(.*NOT_SERVING\)/,
    );
    expect(await stack.pid('daemon')).toBe(before);
    expect(await isRunning(before!)).toBe(true);
  });

  it('Temporal never ready after a start: unavailable with each component log tail, and stopped', async () => {
    stack = await emulatedStigmer(temp.dir, { temporalNeverReady: true });
    const handle = await ensureServer(stack.profile(), { onUnavailable: 'skip', timeoutMs: 2_000 });
    expect(handle.available).toBe(false);
    // Under load stigmer-server may be named too: what matters is that temporal is.
    expect(handle.reason).toMatch(/timed out after 2 s waiting for .*temporal \(/);
    const components = new Set(handle.logTails.map((t) => t.component));
    expect(components).toEqual(
      new Set(['start command', 'stigmer-server', 'temporal', 'workflow-runner', 'agent-runner']),
    );
    expect(
      handle.logTails.find((t) => t.component === 'temporal' && !t.missing)?.lines.length,
    ).toBeGreaterThan(0);
    expect(await portAccepts(stack.ports.server)).toBe(false);
    expect((await serverStatus(stack.profile())).owner).toBeNull();
  });

  it('a failing start: unavailable at once, with the error from stigmer-server.err', async () => {
    stack = await emulatedStigmer(temp.dir, { failStart: true });
    const handle = await ensureServer(stack.profile(), {
      onUnavailable: 'skip',
      timeoutMs: 30_000,
    });
    expect(handle.reason).toMatch(/the start command .* server` exited with code 1/);
    const text = handle.logTails.flatMap((t) => t.lines).join('\n');
    expect(text).toMatch(/failed to open database/);
  });

  it('a crash right after the start returned: detected at once from the pid file', async () => {
    stack = await emulatedStigmer(temp.dir, { crashAfterMs: 1_500, temporalReadyDelayMs: 8_000 });
    const handle = await ensureServer(stack.profile(), {
      onUnavailable: 'skip',
      timeoutMs: 30_000,
    });
    expect(handle.reason).toMatch(
      /stigmer-server \(pid \d+, from .*daemon\.pid\) exited after the start command returned/,
    );
    expect(handle.logTails.flatMap((t) => t.lines).join('\n')).toMatch(/panic/);
  });

  it('a stack someone restarted behind our back is no longer ours: left running, and said so', async () => {
    stack = await emulatedStigmer(temp.dir);
    const handle = await ensureServer(stack.profile());
    expect(handle.owned).toBe(true);
    await stack.cli('server'); // restarts: new processes, new pid files
    const restarted = await stack.pid('daemon');
    const result = await handle.release();
    expect(result.stop).toMatchObject({ stopped: false });
    expect(result.stop!.steps.join()).toMatch(
      /someone restarted the stack, so it is no longer ours; left running/,
    );
    expect(await isRunning(restarted!)).toBe(true);
  });

  it('a hung stop command is killed and the recorded processes are stopped by signal', async () => {
    stack = await emulatedStigmer(temp.dir, { stopHangs: true });
    const handle = await ensureServer(stack.profile({ stopTimeoutMs: 500 }));
    const server = (await stack.pid('daemon'))!;
    const result = await handle.release();
    expect(result.stop!.steps.join('\n')).toMatch(/hung for 5500 ms and was killed/);
    expect(result.stop!.steps.join('\n')).toMatch(/after the stop command: SIGTERM to/);
    expect(result.stop!.problems).toEqual([]);
    expect(await isRunning(server)).toBe(false);
  });

  it('finds a server listening on ::1 only through `localhost`', async () => {
    stack = await emulatedStigmer(temp.dir, { host: '::1' });
    const handle = await ensureServer(stack.profile());
    expect(handle.available).toBe(true);
    expect(handle.components.find((c) => c.name === 'stigmer-server')!.detail).toContain('[::1]');
    await handle.release();
  });
});

describe('LLM choice per run', () => {
  it('a stack running another model is reported; reused locally, unavailable when told, never touched', async () => {
    stack = await emulatedStigmer(temp.dir);
    await stack.cli('server'); // by hand, with the config file's default model
    const before = await stack.pid('daemon');
    const reuse = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }), {
      onMismatch: 'reuse',
    });
    expect(reuse).toMatchObject({ available: true, outcome: 'reused' });
    expect(reuse.mismatch).toEqual([
      'STIGMER_LLM_MODEL is not set (it uses its config file) in the running stigmer-server, wanted "qwen2.5:0.5b"',
    ]);
    await reuse.release();
    const strict = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }), {
      onMismatch: 'unavailable',
      onUnavailable: 'skip',
    });
    expect(strict.available).toBe(false);
    expect(strict.reason).toMatch(
      /running with other settings: STIGMER_LLM_MODEL .* left as it is/,
    );
    expect(await stack.pid('daemon')).toBe(before);
    expect(await isRunning(before!)).toBe(true);
  });

  it('starts the stack with the chosen model, and a later run asking the same model sees no difference', async () => {
    stack = await emulatedStigmer(temp.dir);
    const handle = await ensureServer(
      stack.profile({ llm: { provider: 'ollama', model: 'qwen2.5:0.5b' } }),
    );
    expect(handle.outcome).toBe('started');
    const llm = JSON.parse(
      await readFile(path.join(temp.dir, '.stigmer', 'data', 'llm.json'), 'utf8'),
    );
    expect(llm).toMatchObject({ provider: 'ollama', model: 'qwen2.5:0.5b' });
    const same = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }));
    expect(same).toMatchObject({ outcome: 'joined', mismatch: [] });
    await same.release();
    await handle.release();
  });

  it('a stack we started with another model, that nobody uses any more, is restarted with ours', async () => {
    stack = await emulatedStigmer(temp.dir);
    const old = await ensureServer(stack.profile({ llm: { model: 'llama3.2:1b' } }), {
      lease: { kind: 'explicit', ttlMs: 1 },
      watchdog: false,
    });
    expect(old.outcome).toBe('started');
    const before = await stack.pid('daemon');
    await new Promise((r) => setTimeout(r, 20)); // its lease expires: the stack is ours and unused
    const handle = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }));
    expect(handle).toMatchObject({
      available: true,
      owned: true,
      outcome: 'started',
      mismatch: [],
    });
    expect(await stack.pid('daemon')).not.toBe(before);
    const llm = JSON.parse(
      await readFile(path.join(temp.dir, '.stigmer', 'data', 'llm.json'), 'utf8'),
    );
    expect(llm.model).toBe('qwen2.5:0.5b');
    await handle.release();
  });
});
