/**
 * The Stigmer profile against the emulator of the real `stigmer` CLI (packages/emulator, which
 * follows the reference page and Stigmer's source): `stigmer server` returns before :7234 opens,
 * Temporal runs in a group of its own and outlives `stigmer server stop`, the supervisor restarts
 * workflow-runner, agent-runner is a container of the `docker` stand-in. Real processes, real gRPC
 * health, real pid files and logs in a temp HOME, on free ports.
 */

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { emulatorProcesses } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ComponentStatus, ensureServer, releaseServer, serverStatus } from '../src/index.js';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { isRunning, portAccepts, waitFor } from './helpers/processes.js';

const run = promisify(execFile);

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
    await stack.startOutside();
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
    await stack.startOutside();
    const server = (await stack.pid('daemon'))!;
    const handle = await ensureServer(stack.profile(), { lease: { kind: 'explicit' } });
    expect(handle.outcome).toBe('reused');
    const result = await releaseServer(stack.profile(), handle.leaseId!, { stop: 'always' });
    expect(result.stop).toMatchObject({ stopped: true });
    expect(await isRunning(server)).toBe(false);
    // `stigmer server stop` leaves managed Temporal running, and this one is not ours to signal:
    // said, not hidden.
    expect(result.stop!.problems).toEqual([
      `localhost:${stack.ports.temporal} still accepts connections after the stop`,
    ]);
  });

  it('running with Temporal down (not ours): unavailable naming temporal, nothing touched', async () => {
    stack = await emulatedStigmer(temp.dir, { temporalNeverReady: true });
    await stack.startOutside();
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
    const handle = await ensureServer(stack.profile(), { onUnavailable: 'skip', timeoutMs: 6_000 });
    expect(handle.available).toBe(false);
    // Under load stigmer-server may be named too: what matters is that temporal is.
    expect(handle.reason).toMatch(/timed out after 6 s waiting for .*temporal \(.*NOT_SERVING/);
    const components = new Set(handle.logTails.map((t) => t.component));
    expect(components).toEqual(
      new Set([
        'start command',
        'stigmer-server',
        'temporal',
        'workflow-runner',
        'agent-runner',
        'llm',
      ]),
    );
    // Temporal logs in ~/.stigmer/logs, not in the data dir: its tail is there, not "no such file".
    expect(handle.logTails.find((t) => t.component === 'temporal')?.file).toBe(
      path.join(temp.dir, '.stigmer', 'logs', 'temporal.log'),
    );
    expect(
      handle.logTails.find((t) => t.component === 'temporal' && !t.missing)?.lines.length,
    ).toBeGreaterThan(0);
    expect(await portAccepts(stack.ports.server)).toBe(false);
    expect((await serverStatus(stack.profile())).owner).toBeNull();
  });

  it('stigmer-server failing after `stigmer server` returned 0: unavailable at once, with its log', async () => {
    stack = await emulatedStigmer(temp.dir, { failStart: true });
    const handle = await ensureServer(stack.profile(), {
      onUnavailable: 'skip',
      timeoutMs: 30_000,
    });
    expect(handle.reason).toMatch(
      /stigmer-server \(pid \d+, from .*daemon\.pid\) exited after the start command returned/,
    );
    const log = handle.logTails.find((t) => t.component === 'stigmer-server')!;
    expect(log.file).toBe(path.join(temp.dir, '.stigmer', 'data', 'logs', 'stigmer-server.log'));
    expect(log.lines.join('\n')).toMatch(/unable to open database file/);
  });

  it('managed Temporal failing to start: unavailable at once, with the log from ~/.stigmer/logs/temporal.log', async () => {
    stack = await emulatedStigmer(temp.dir, { temporalFailStart: true });
    const handle = await ensureServer(stack.profile(), { onUnavailable: 'skip' });
    expect(handle.reason).toMatch(/the start command .* server` exited with code 1/);
    const temporal = handle.logTails.find((t) => t.component === 'temporal')!;
    expect(temporal.missing).toBe(false);
    expect(temporal.lines.length).toBeGreaterThan(0);
  });

  it('a crash right after the start returned: detected at once from the pid file', async () => {
    // Temporal is slow to serve, so the stack is not ready when stigmer-server crashes (and
    // workflow-runner, which dies when Temporal does not serve, is not required here).
    stack = await emulatedStigmer(temp.dir, { crashAfterMs: 1_500, temporalReadyDelayMs: 8_000 });
    const handle = await ensureServer(stack.profile({ require: ['temporal'] }), {
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
    await stack.startOutside(); // restarts: new processes, new pid files
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

/** The environment the running stigmer-server was started with (Linux: /proc/<pid>/environ). */
async function serverEnv(s: EmulatedStigmer): Promise<Record<string, string>> {
  const raw = await readFile(`/proc/${await s.pid('daemon')}/environ`, 'utf8');
  return Object.fromEntries(
    raw
      .split('\0')
      .filter(Boolean)
      .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  );
}

describe('the real stack, as its source says', () => {
  it('`stigmer server` returns before :7234 opens (a first image pull): the start is waited for, not failed', async () => {
    stack = await emulatedStigmer(temp.dir, { imagePullMs: 2_500 });
    const handle = await ensureServer(stack.profile());
    expect(handle).toMatchObject({ available: true, outcome: 'started' });
    const status = JSON.parse(
      await readFile(path.join(temp.dir, '.stigmer', 'e2e', 'start-status.json'), 'utf8'),
    );
    expect(status).toMatchObject({ code: 0 }); // it had returned 0, long before the port opened
    await handle.release();
  });

  it('require agent-runner: the container is probed (docker inspect), ready, and gone after the stop', async () => {
    stack = await emulatedStigmer(temp.dir);
    const profile = stack.profile({ require: ['temporal', 'workflow-runner', 'agent-runner'] });
    const handle = await ensureServer(profile);
    expect(handle.available, handle.reason ?? '').toBe(true);
    expect(handle.components.find((c) => c.name === 'agent-runner')).toMatchObject({
      required: true,
      ready: true,
    });
    await handle.release();
    const inspect = await run('docker', ['inspect', 'stigmer-agent-runner'], {
      env: { ...process.env, ...stack.env, HOME: temp.dir },
    }).catch((e: { code: number }) => e);
    expect((inspect as { code: number }).code).toBe(1); // removed by `stigmer server stop`
  });

  it('a workflow-runner the supervisor restarted is still ours: stopped with the stack, and Temporal too', async () => {
    stack = await emulatedStigmer(temp.dir, { healthCheckIntervalMs: 300, restartDelayMs: 100 });
    const handle = await ensureServer(stack.profile());
    const first = (await stack.pid('workflow-runner'))!;
    process.kill(first, 'SIGKILL');
    await waitFor(
      async () => ![null, first].includes(await stack!.pid('workflow-runner')),
      20_000,
      'the supervisor to restart workflow-runner',
    );
    const restarted = (await stack.pid('workflow-runner'))!;
    const temporal = (await stack.pid('temporal'))!;
    const result = await handle.release();
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    expect(await isRunning(restarted)).toBe(false);
    // `stigmer server stop` leaves managed Temporal running; the Temporal this run started is
    // ours (it carries our launch id) and was stopped too. Only Ollama, spared, is left.
    expect(await isRunning(temporal)).toBe(false);
    const ollama = Number(
      (await readFile(path.join(temp.dir, '.stigmer', 'llm.pid'), 'utf8')).trim(),
    );
    expect(emulatorProcesses(temp.dir).map((p) => p.pid)).toEqual([ollama]);
  });

  it('Temporal left alone by a `stigmer server stop` by hand: after a short wait the stack is started on it, and that Temporal is left as found', async () => {
    stack = await emulatedStigmer(temp.dir);
    await stack.startOutside();
    await stack.cli('server', 'stop'); // leaves managed Temporal running, as the real one does
    const leftover = (await stack.pid('temporal'))!;
    expect(await isRunning(leftover)).toBe(true);
    const logs: string[] = [];
    const handle = await ensureServer(stack.profile(), {
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    });
    expect(handle, `${handle.reason}\n${logs.join('\n')}`).toMatchObject({
      available: true,
      owned: true,
      outcome: 'started',
    });
    expect(logs.join('\n')).toMatch(/partly running .* waiting up to 10 s/);
    expect(logs.join('\n')).toMatch(/Nobody completed the partial stigmer stack: starting it/);
    // The new start's own Temporal could not bind; the leftover serves the stack, as with the
    // real CLI (whose temporal.pid then names a dead process: the profile does not trust it).
    expect(handle.components.find((c) => c.name === 'temporal')?.ready).toBe(true);
    const result = await handle.release();
    expect(result.stop?.stopped).toBe(true);
    expect(await portAccepts(stack.ports.server)).toBe(false);
    expect(await isRunning(leftover)).toBe(true); // not ours: left as it was found
  });

  it('no model in Ollama: pulled with `stigmer server llm pull`, its progress shown, then the stack started', async () => {
    stack = await emulatedStigmer(temp.dir, { ollamaModels: [], modelPullMs: 800 });
    const logs: string[] = [];
    const handle = await ensureServer(stack.profile(), {
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    });
    expect(handle, logs.join('\n')).toMatchObject({ available: true, owned: true });
    const text = logs.join('\n');
    expect(text).toMatch(/pulling the LLM model qwen2\.5-coder:7b .*then starting it again/);
    expect(text).toMatch(/^ {2}.*qwen2\.5-coder:7b/m); // the pull's own progress lines
    const manifest = path.join(
      temp.dir,
      '.ollama/models/manifests/registry.ollama.ai/library/qwen2.5-coder/7b',
    );
    expect(await readFile(manifest, 'utf8')).toBeTruthy();
    await handle.release();
  });

  it('no model and pullModel: false: unavailable at once, saying which model to pull and how', async () => {
    stack = await emulatedStigmer(temp.dir, { ollamaModels: [] });
    const handle = await ensureServer(stack.profile({ pullModel: false }), {
      onUnavailable: 'skip',
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(
      /the LLM model qwen2\.5-coder:7b is not in Ollama's store .* `stigmer server llm pull qwen2\.5-coder:7b`, or choose a model you have with STIGMER_LLM_MODEL \(the start command .* exited with code 1\)/,
    );
    expect(handle.reason).not.toMatch(/timed out/);
  });

  it('anthropic without ANTHROPIC_API_KEY and no terminal: unavailable at once, naming the variable', async () => {
    stack = await emulatedStigmer(temp.dir);
    const { ANTHROPIC_API_KEY: _, ...env } = stack.env;
    const handle = await ensureServer(
      stack.profile({ llm: { provider: 'anthropic', model: 'claude-sonnet-4' }, env }),
      { onUnavailable: 'skip' },
    );
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(
      /the LLM provider anthropic needs ANTHROPIC_API_KEY in the environment .* set ANTHROPIC_API_KEY, or choose another provider with STIGMER_LLM_PROVIDER/,
    );
  });
});

describe('LLM choice per run', () => {
  it('a stack running another model is reported; reused locally, unavailable when told, never touched', async () => {
    stack = await emulatedStigmer(temp.dir, { ollamaModels: ['qwen2.5-coder:7b', 'qwen2.5:0.5b'] });
    await stack.startOutside(); // by hand, with the config file's default model
    const before = await stack.pid('daemon');
    const reuse = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }), {
      onMismatch: 'reuse',
    });
    expect(reuse).toMatchObject({ available: true, outcome: 'reused' });
    // The CLI passes the resolved model on to stigmer-server, so its environment names it.
    expect(reuse.mismatch).toEqual([
      'STIGMER_LLM_MODEL is "qwen2.5-coder:7b" in the running stigmer-server, wanted "qwen2.5:0.5b"',
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
    stack = await emulatedStigmer(temp.dir, { ollamaModels: ['qwen2.5:0.5b'] });
    const handle = await ensureServer(
      stack.profile({ llm: { provider: 'ollama', model: 'qwen2.5:0.5b' } }),
    );
    expect(handle.outcome).toBe('started');
    expect(await serverEnv(stack)).toMatchObject({
      STIGMER_LLM_PROVIDER: 'ollama',
      STIGMER_LLM_MODEL: 'qwen2.5:0.5b',
    });
    const same = await ensureServer(stack.profile({ llm: { model: 'qwen2.5:0.5b' } }));
    expect(same).toMatchObject({ outcome: 'joined', mismatch: [] });
    await same.release();
    await handle.release();
  });

  it('a stack we started with another model, that nobody uses any more, is restarted with ours', async () => {
    stack = await emulatedStigmer(temp.dir, { ollamaModels: ['llama3.2:1b', 'qwen2.5:0.5b'] });
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
    expect((await serverEnv(stack)).STIGMER_LLM_MODEL).toBe('qwen2.5:0.5b');
    await handle.release();
  });
});
