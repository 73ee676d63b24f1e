import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './support/cli.js';
import { alive } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('`stigmer server stop` (page: "Commands", stop row)', () => {
  it('stops workflow-runner, the container and stigmer-server; Temporal and Ollama keep running', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const { layout } = stack;
    const server = stack.pid(layout.daemonPidFile);
    const runner = stack.pid(layout.workflowRunnerPidFile);
    const temporal = stack.pid(layout.temporalPidFile);
    const ollama = stack.pid(layout.llmPidFile);
    const stop = await stack.run(['server', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toBe('ℹ Stopping server...\n✓ Server stopped successfully\n');
    expect(alive(server)).toBe(false);
    expect(alive(runner)).toBe(false);
    expect((await stack.docker('ps', '-aq')).stdout).toBe('');
    expect(alive(temporal)).toBe(true);
    expect(alive(ollama)).toBe(true);
    expect(existsSync(layout.daemonPidFile)).toBe(false);
    expect(existsSync(layout.temporalPidFile)).toBe(true);
    const log = readFileSync(join(layout.logDir, 'stigmer-server.log'), 'utf8');
    expect(log).toMatch(/Received shutdown signal[\s\S]*Component supervisor stopped/);
  });

  it('with the daemon not running says so and stops nothing else (Temporal left by an earlier stop)', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    expect((await stack.run(['server', 'stop'])).code).toBe(0);
    const temporal = stack.pid(stack.layout.temporalPidFile);
    const again = await stack.run(['server', 'stop']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('ℹ Server is not running\n');
    expect(alive(temporal)).toBe(true);
  });

  it('escalates to SIGKILL when the processes ignore SIGTERM', async () => {
    // With SIGTERM ignored the stop takes long (docker stop waits 10 s): a supervisor check in
    // that window would restart the workflow-runner just killed, as the real one does. Not here.
    stack = await createStack({
      ignoreSigterm: true,
      stopTimeoutMs: 1_000,
      healthCheckIntervalMs: 600_000,
    });
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const server = stack.pid(stack.layout.daemonPidFile);
    const runner = stack.pid(stack.layout.workflowRunnerPidFile);
    const stop = await stack.run(['server', 'stop', '-d']);
    expect(stop.code).toBe(0);
    expect(stop.stderr).toContain('Workflow-runner did not stop gracefully, force killing');
    expect(stop.stderr).toContain('Daemon did not stop gracefully, force killing');
    // The real stop returns right after its SIGKILL; the kernel ends the process a moment later.
    expect(await eventually(() => !alive(server))).toBe(true);
    expect(alive(runner)).toBe(false);
    expect(readFileSync(join(stack.layout.logDir, 'stigmer-server.log'), 'utf8')).toContain(
      'WRN Received SIGTERM, ignoring it',
    );
  });

  it('hangs forever with the stop-hangs knob, touching nothing', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    const server = stack.pid(stack.layout.daemonPidFile);
    const hung = spawnCli(['server', 'stop'], stack.env({ knobs: { stopHangs: true } }));
    let exited = false;
    hung.once('exit', () => {
      exited = true;
    });
    await sleep(1_500);
    expect(exited).toBe(false);
    expect(alive(server)).toBe(true);
    hung.kill('SIGKILL');
    expect(await eventually(() => exited)).toBe(true);
  });

  it('exits 1 when the stop fails: something answers on :7234 but no pid file names it', async () => {
    stack = await createStack();
    const { Server, ServerCredentials } = await import('@grpc/grpc-js');
    // A gRPC server the emulator did not start: IsRunning's dial succeeds, Stop finds no pid.
    const foreign = new Server();
    await new Promise<void>((resolve, reject) =>
      foreign.bindAsync(
        `127.0.0.1:${stack?.serverPort}`,
        ServerCredentials.createInsecure(),
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    try {
      const stop = await stack.run(['server', 'stop']);
      expect(stop.code).toBe(1);
      expect(stop.stdout).toContain('✗ Failed to stop server');
      expect(stop.stderr).toContain(
        'Error: daemon is not running (no PID file and no process on port)',
      );
    } finally {
      foreign.forceShutdown();
    }
  });
});
