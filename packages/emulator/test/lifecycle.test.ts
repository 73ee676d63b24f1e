import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../src/net/tcp.js';
import { alive } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

const dataDir = (s: TestStack) => join(s.home, '.stigmer', 'data');
const pidFiles = (s: TestStack) => ({
  'stigmer-server': join(dataDir(s), 'daemon.pid'),
  'workflow-runner': join(dataDir(s), 'workflow-runner.pid'),
  'agent-runner': join(dataDir(s), 'agent-runner.pid'),
  temporal: join(s.home, '.stigmer', 'temporal.pid'),
});
const readPids = (s: TestStack) =>
  Object.fromEntries(
    Object.entries(pidFiles(s)).map(([name, file]) => [name, Number(readFileSync(file, 'utf8'))]),
  ) as Record<keyof ReturnType<typeof pidFiles>, number>;

describe('stigmer server / status / stop', () => {
  it('starts the stack detached, reports it running, and stops every process', async () => {
    stack = await createStack();
    const secret = 'sk-ant-do-not-print-me';
    const start = await stack.run(['server'], {
      vars: {
        ANTHROPIC_API_KEY: secret,
        STIGMER_LLM_PROVIDER: 'anthropic',
        STIGMER_LLM_MODEL: 'claude-test',
        STIGMER_LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      },
    });
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('✓ Ready! Stigmer server is running');
    // Returned promptly: the detached children do not hold the CLI's stdout/stderr pipes.
    expect(start.ms).toBeLessThan(10_000);
    await stack.settled();

    // Layout on disk: config, pid files holding only a pid, logs with .err twins, lock.
    expect(existsSync(join(stack.home, '.stigmer', 'config.yaml'))).toBe(true);
    const pids = readPids(stack);
    for (const [name, file] of Object.entries(pidFiles(stack))) {
      expect(readFileSync(file, 'utf8'), name).toMatch(/^\d+$/);
    }
    for (const pid of Object.values(pids)) expect(alive(pid)).toBe(true);
    expect(start.stdout).toContain(`PID:  ${pids['stigmer-server']}`);
    expect(existsSync(join(stack.home, '.stigmer', 'temporal.lock'))).toBe(true);
    const logs = readdirSync(join(dataDir(stack), 'logs')).sort();
    expect(logs).toEqual(
      ['agent-runner', 'stigmer-server', 'temporal', 'workflow-runner'].flatMap((n) => [
        `${n}.err`,
        `${n}.log`,
      ]),
    );
    for (const port of [stack.serverPort, stack.temporalPort, stack.workflowRunnerPort]) {
      expect(await isPortFree(stack.host, port)).toBe(false);
    }

    // The LLM settings are visible; the secret never is.
    const llm = JSON.parse(readFileSync(join(dataDir(stack), 'llm.json'), 'utf8'));
    expect(llm).toEqual({
      provider: 'anthropic',
      model: 'claude-test',
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    const serverLog = readFileSync(join(dataDir(stack), 'logs', 'stigmer-server.log'), 'utf8');
    expect(serverLog).toContain('STIGMER_LLM_MODEL=claude-test');
    expect(serverLog).toContain('ANTHROPIC_API_KEY is set');
    for (const name of logs) {
      expect(readFileSync(join(dataDir(stack), 'logs', name), 'utf8')).not.toContain(secret);
    }
    expect(start.stdout).not.toContain(secret);

    const status = await stack.run(['server', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /Stigmer Server Status:[\s\S]*Stigmer Server:\n {2}Status: {3}Running[\s\S]*Workflow Runner:\n {2}Status: {3}Running[\s\S]*Agent Runner:\n {2}Status: {3}Running/,
    );
    expect(status.stdout).toContain(`PID:      ${pids['stigmer-server']}`);

    const stop = await stack.run(['server', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('Server stopped successfully');
    // The real order: workflow-runner, agent-runner, Temporal, then stigmer-server.
    const order = ['workflow-runner', 'agent-runner', 'temporal', 'stigmer-server'].map((n) =>
      stop.stdout.indexOf(`Stopping ${n}`),
    );
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > (order[i - 1] ?? 0)))).toBe(
      true,
    );
    for (const pid of Object.values(pids)) expect(alive(pid)).toBe(false);
    for (const file of Object.values(pidFiles(stack))) expect(existsSync(file)).toBe(false);
    expect(existsSync(join(stack.home, '.stigmer', 'temporal.lock'))).toBe(false);
    for (const port of [stack.serverPort, stack.temporalPort, stack.workflowRunnerPort]) {
      expect(await isPortFree(stack.host, port)).toBe(true);
    }
    const serverTail = readFileSync(join(dataDir(stack), 'logs', 'stigmer-server.log'), 'utf8');
    expect(serverTail).toMatch(/received SIGTERM, shutting down[\s\S]*exiting with code 0/);

    const after = await stack.run(['server', 'status']);
    expect(after.code).toBe(0);
    expect(after.stdout.match(/Status: ✗ Stopped/g)).toHaveLength(3);
  });

  it('restarts a running stack on `stigmer server start`', async () => {
    stack = await createStack();
    expect((await stack.run(['server', 'start'])).code).toBe(0);
    const before = readPids(stack);
    const again = await stack.run(['server', 'start']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Server is already running, restarting...');
    expect(again.stdout).toContain('✓ Ready! Stigmer server is running');
    const after = readPids(stack);
    for (const name of Object.keys(before) as (keyof typeof before)[]) {
      expect(after[name], name).not.toBe(before[name]);
      expect(alive(before[name]), `old ${name}`).toBe(false);
      expect(alive(after[name]), `new ${name}`).toBe(true);
    }
  });

  it('reports a stopped stack with exit 0, and stop says it is not running', async () => {
    stack = await createStack();
    const status = await stack.run(['server', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Stigmer Server Status:');
    expect(status.stdout).toMatch(/Stigmer Server:\n {2}Status: ✗ Stopped/);
    const stop = await stack.run(['server', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('Server is not running');
  });

  it('prints log tails per component, from stderr, and for all components', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.settled();

    const two = await stack.run(['server', 'logs', '--follow=false', '--tail', '2']);
    expect(two.code).toBe(0);
    const lines = two.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('stigmer-server ready');

    const temporal = await stack.run(['server', 'logs', '-c', 'temporal', '--tail=50']);
    expect(temporal.stdout).toContain(
      `Temporal frontend listening on 127.0.0.1:${stack.temporalPort}`,
    );
    expect(temporal.stdout).not.toContain('stigmer-server:');

    const stderr = await stack.run(['server', 'logs', '--stderr', '--tail', '0']);
    expect(stderr.code).toBe(0);
    expect(stderr.stdout).toBe(''); // a healthy server writes nothing to stderr

    const all = await stack.run(['server', 'logs', '--all', '--tail', '0', '-f']);
    for (const name of ['stigmer-server', 'temporal', 'workflow-runner', 'agent-runner']) {
      expect(all.stdout).toContain(`[${name}] `);
    }
  });

  it('rejects unknown commands and flags with exit 1, cobra style', async () => {
    stack = await createStack();
    const unknown = await stack.run(['serve']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Error: unknown command "serve" for "stigmer"');
    expect(unknown.stderr).toContain("Run 'stigmer --help' for usage.");
    const flag = await stack.run(['server', 'logs', '--bogus']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('unknown flag: --bogus');
    const sub = await stack.run(['server', 'restart']);
    expect(sub.code).toBe(1);
    const help = await stack.run(['server', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('stigmer server [command]');
    // Nothing was started by any of these.
    expect(existsSync(join(dataDir(stack), 'daemon.pid'))).toBe(false);
  });
});
