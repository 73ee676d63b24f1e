import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killEmulatorProcesses } from '../src/index.js';
import { canConnect } from '../src/net/tcp.js';
import { alive } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

const serverLog = (s: TestStack) =>
  readFileSync(join(s.layout.logDir, 'stigmer-server.log'), 'utf8');

describe('fault knobs and first-use downloads (page: "Timings"; faults for failure injection)', () => {
  it('downloads Temporal and Ollama into ~/.stigmer/bin on first use only', async () => {
    stack = await createStack({ temporalDownloadMs: 500, ollamaDownloadMs: 500 });
    const { binDir } = stack.layout;
    expect(existsSync(join(binDir, 'temporal'))).toBe(false);
    expect((await stack.run(['server', '-d'])).stderr).toContain('Downloading Temporal CLI');
    expect(existsSync(join(binDir, 'temporal'))).toBe(true);
    expect(existsSync(join(binDir, 'ollama'))).toBe(true);
    await stack.serving();
    expect((await stack.run(['server', '-d'])).stderr).not.toContain('Downloading Temporal CLI');
  });

  it('a crash after N ms: stigmer-server panics (exit 2); its children live on', async () => {
    stack = await createStack({ crashAfterMs: 1_000 });
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const server = stack.pid(stack.layout.daemonPidFile);
    const runner = stack.pid(stack.layout.workflowRunnerPidFile);
    expect(await eventually(() => !alive(server))).toBe(true);
    expect(serverLog(stack)).toMatch(/^panic: emulated crash/m);
    expect(alive(runner)).toBe(true);
    const status = await stack.run(['server', 'status']);
    expect(status.stdout).toContain('⚠   Status: ✗ Stopped');
    // With the daemon dead, stop stops nothing else: the orphans wait for the next start.
    expect((await stack.run(['server', 'stop'])).stdout).toBe('ℹ Server is not running\n');
    expect(alive(runner)).toBe(true);
    killEmulatorProcesses(stack.home);
  });

  it('a slow start: the port opens only after the delay; the CLI returned long before', async () => {
    stack = await createStack({ startDelayMs: 5_000 });
    expect((await stack.run(['server'])).code).toBe(0);
    const s = stack;
    expect(await eventually(() => serverLog(s).includes('Component supervisor active'))).toBe(true);
    expect(await canConnect(stack.host, stack.serverPort)).toBe(false);
    await stack.serving();
  });

  it('a killed Temporal stays down; the stack does not bring it back', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const temporal = stack.pid(stack.layout.temporalPidFile);
    process.kill(temporal, 'SIGKILL');
    await sleep(2_000);
    expect(await canConnect(stack.host, stack.temporalPort)).toBe(false);
    expect(alive(stack.pid(stack.layout.daemonPidFile))).toBe(true);
  });

  it('rejects a bad knob value with a message naming it', async () => {
    stack = await createStack();
    const env = { ...stack.env(), STIGMER_EMULATOR_SERVER_PORT: 'seventy' };
    const { runCli } = await import('./support/cli.js');
    const start = await runCli(['server'], env);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain('Expected STIGMER_EMULATOR_SERVER_PORT to be a TCP port');
  });
});
