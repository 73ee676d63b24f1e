import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../src/net/tcp.js';
import { spawnCli } from './support/cli.js';
import { alive, processesMentioning } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep, waitForPort } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

const logFile = (s: TestStack, name: string) => join(s.home, '.stigmer', 'data', 'logs', name);
const pidOf = (s: TestStack, file: string) =>
  Number(readFileSync(join(s.home, '.stigmer', 'data', file), 'utf8'));

describe('fault knobs', () => {
  it('fail-start: exit 1 with the error on stderr, nothing left running', async () => {
    stack = await createStack({ failStart: true });
    const start = await stack.run(['server']);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain('Error: failed to start server');
    expect(start.stderr).toContain('failed to open database: permission denied');
    expect(start.stdout).not.toContain('Ready!');
    expect(readFileSync(logFile(stack, 'stigmer-server.err'), 'utf8')).toContain(
      'failed to open database: permission denied',
    );
    expect(processesMentioning(stack.home)).toEqual([]);
    for (const file of ['daemon.pid', 'workflow-runner.pid', 'agent-runner.pid']) {
      expect(existsSync(join(stack.home, '.stigmer', 'data', file)), file).toBe(false);
    }
    expect(existsSync(join(stack.home, '.stigmer', 'temporal.pid'))).toBe(false);
    expect(await isPortFree('127.0.0.1', stack.temporalPort)).toBe(true);
  });

  it('crash-after: the server dies N ms after listening, with a panic in its .err', async () => {
    stack = await createStack({ crashAfterMs: 1_500 });
    const start = await stack.run(['server']);
    expect(start.code).toBe(0);
    const pid = pidOf(stack, 'daemon.pid');
    expect(alive(pid)).toBe(true);
    expect(await eventually(() => !alive(pid), 5_000)).toBe(true);
    expect(await waitForPort('127.0.0.1', stack.workflowRunnerPort)).toBe(true);
    expect(readFileSync(logFile(stack, 'stigmer-server.err'), 'utf8')).toMatch(/^panic: /m);
    const status = await stack.run(['server', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Stigmer Server:\n {2}Status: ✗ Stopped/);
    expect(status.stdout).toMatch(/Workflow Runner:\n {2}Status: {3}Running/);
    // stop still clears the survivors (afterEach checks nothing is left).
    const stop = await stack.run(['server', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('Stopping workflow-runner');
  });

  it('ignore-SIGTERM: stop escalates to SIGKILL after the stop timeout', async () => {
    stack = await createStack({ ignoreSigterm: true, stopTimeoutMs: 600 });
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.settled(); // every component has its SIGTERM handler by now
    const pids = ['daemon.pid', 'workflow-runner.pid', 'agent-runner.pid'].map((f) =>
      pidOf(stack as TestStack, f),
    );
    const stop = await stack.run(['server', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('sending SIGKILL');
    expect(stop.ms).toBeGreaterThanOrEqual(4 * 600);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(readFileSync(logFile(stack, 'stigmer-server.log'), 'utf8')).toContain(
      'received SIGTERM, ignoring it',
    );
    expect(processesMentioning(stack.home)).toEqual([]);
  });

  it('stop-hangs: `stigmer server stop` never returns and stops nothing', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    const server = pidOf(stack, 'daemon.pid');
    const hung = spawnCli(['server', 'stop'], stack.env({ knobs: { stopHangs: true } }));
    let exited = false;
    hung.once('exit', () => {
      exited = true;
    });
    await sleep(1_000);
    expect(exited).toBe(false);
    expect(alive(server)).toBe(true);
    hung.kill('SIGKILL');
    await eventually(() => exited, 2_000);
  });

  it('start-delay: the CLI waits for a slow server; status says Starting meanwhile', async () => {
    stack = await createStack({ startDelayMs: 2_000 });
    const starting = spawnCli(['server'], stack.env());
    const done = new Promise<number | null>((resolve) => starting.once('exit', resolve));
    const sawPid = await eventually(
      () => existsSync(join((stack as TestStack).home, '.stigmer', 'data', 'daemon.pid')),
      5_000,
    );
    expect(sawPid).toBe(true);
    const status = await stack.run(['server', 'status']);
    expect(status.stdout).toMatch(/Stigmer Server:\n {2}Status: {3}Starting/);
    const began = Date.now();
    expect(await done).toBe(0);
    expect(Date.now() - began).toBeGreaterThan(500);
  });

  it('rejects a bad knob value with a message naming it', async () => {
    stack = await createStack();
    const env = { ...stack.env(), STIGMER_EMULATOR_SERVER_PORT: 'seventy' };
    const child = spawnCli(['server'], env);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Expected STIGMER_EMULATOR_SERVER_PORT to be a TCP port');
  });

  it('never signals a pid that is not its own', async () => {
    stack = await createStack();
    const dataDir = join(stack.home, '.stigmer', 'data');
    mkdirSync(dataDir, { recursive: true });
    // A live process the emulator did not start; its pid lands in the pid files.
    const bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      const pid = bystander.pid as number;
      writeFileSync(join(dataDir, 'daemon.pid'), String(pid));
      // An identity record whose start time is wrong: a reused pid.
      writeFileSync(join(dataDir, 'workflow-runner.pid'), String(pid));
      writeFileSync(
        join(dataDir, 'workflow-runner.pid.identity'),
        JSON.stringify({ pid, startTime: '1', script: 'workflow-runner.js' }),
      );
      const status = await stack.run(['server', 'status']);
      expect(status.stdout).toMatch(/Stigmer Server:\n {2}Status: ✗ Stopped/);
      const stop = await stack.run(['server', 'stop']);
      expect(stop.code).toBe(0);
      expect(stop.stdout).toContain('Server is not running');
      await sleep(200);
      expect(alive(pid)).toBe(true);
      expect(existsSync(join(dataDir, 'daemon.pid'))).toBe(false); // stale file cleared
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('fails to start when the server port is taken by someone else', async () => {
    stack = await createStack();
    const squatter = createServer().listen(stack.serverPort, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const start = await stack.run(['server']);
      expect(start.code).toBe(1);
      expect(start.stderr).toContain('already in use');
      expect(start.stderr).toContain('STIGMER_EMULATOR_SERVER_PORT');
      expect(processesMentioning(stack.home)).toEqual([]);
    } finally {
      squatter.close();
    }
  });
});
