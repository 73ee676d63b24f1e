import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { alive } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('`stigmer server [start]` (page: "The process tree", 1; "Commands", start row)', () => {
  it('restarts a running stack: "Server is already running, restarting...", new pids, logs rotated', async () => {
    stack = await createStack();
    expect((await stack.run(['server', 'start'])).code).toBe(0);
    await stack.serving();
    const { layout } = stack;
    const server = stack.pid(layout.daemonPidFile);
    const runner = stack.pid(layout.workflowRunnerPidFile);
    const again = await stack.run(['server', 'start']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('ℹ Server is already running, restarting...');
    expect(again.stdout).toContain('✓ Ready! Stigmer server is running');
    expect(alive(server)).toBe(false);
    expect(alive(runner)).toBe(false);
    expect(stack.pid(layout.daemonPidFile)).not.toBe(server);
    // daemon.go rotates the previous session's logs at every start.
    expect(
      readdirSync(layout.logDir).some((name) =>
        /^stigmer-server\.log\.\d{4}-\d\d-\d\d-\d{6}$/.test(name),
      ),
    ).toBe(true);
    await stack.serving();
  });

  it('takes any other word as an ignored argument and starts, as cobra does', async () => {
    stack = await createStack();
    const start = await stack.run(['server', 'whatever']);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('Ready!');
  });

  it("cleans up orphans first: a SIGKILLed daemon's workflow-runner and container are ended", async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const { layout } = stack;
    const runner = stack.pid(layout.workflowRunnerPidFile);
    const container = (
      await stack.docker('inspect', '-f', '{{.Id}}', 'stigmer-agent-runner')
    ).stdout.trim();
    process.kill(stack.pid(layout.daemonPidFile), 'SIGKILL'); // no cleanup runs in the daemon
    expect(alive(runner)).toBe(true);
    const start = await stack.run(['server']);
    expect(start.code).toBe(0);
    expect(start.stdout).not.toContain('already running');
    expect(alive(runner)).toBe(false);
    await stack.serving();
    const now = (
      await stack.docker('inspect', '-f', '{{.Id}}', 'stigmer-agent-runner')
    ).stdout.trim();
    expect(now).not.toBe(container);
  });

  it('never signals a pid it did not start (the real CLI would): the file is cleared, the process lives', async () => {
    stack = await createStack();
    mkdirSync(stack.layout.dataDir, { recursive: true });
    const bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      const pid = bystander.pid as number;
      writeFileSync(stack.layout.daemonPidFile, String(pid));
      writeFileSync(stack.layout.workflowRunnerPidFile, String(pid));
      const status = await stack.run(['server', 'status']);
      expect(status.stdout).toContain('⚠   Status: ✗ Stopped');
      const start = await stack.run(['server']);
      expect(start.code).toBe(0);
      expect(alive(pid)).toBe(true);
      expect(stack.pid(stack.layout.daemonPidFile)).not.toBe(pid);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  it('exits 0 even when stigmer-server then fails to open its database (failStart): it is not waited for', async () => {
    stack = await createStack({ failStart: true });
    const start = await stack.run(['server']);
    expect(start.code).toBe(0);
    const s = stack;
    const server = stack.pid(stack.layout.daemonPidFile);
    expect(await eventually(() => !alive(server))).toBe(true);
    expect(existsSync(s.layout.workflowRunnerPidFile)).toBe(false);
    const stop = await stack.run(['server', 'stop']);
    expect(stop.stdout).toBe('ℹ Server is not running\n');
  });

  it('exits 1 when managed Temporal fails: its port never opens within 10 s', async () => {
    stack = await createStack({ temporalFailStart: true });
    const start = await stack.run(['server']);
    expect(start.code).toBe(1);
    expect(start.stdout).toContain('✗ Failed to start server');
    expect(start.stderr).toBe(
      '✓ Using Ollama (no API key required)\nError: failed to start Temporal: Temporal failed to start: Temporal failed to start within timeout\n',
    );
    expect(existsSync(stack.layout.daemonPidFile)).toBe(false);
    expect(existsSync(stack.layout.temporalPidFile)).toBe(false);
  });
});
