import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli } from './support/cli.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('`stigmer server status` (page: "Commands", status row)', () => {
  it('exits 0 when stopped and when running; no agent-runner block (it reads a file nothing writes)', async () => {
    stack = await createStack();
    const stopped = await stack.run(['server', 'status']);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toBe(
      'Stigmer Server Status:\n─────────────────────────────────────\n⚠   Status: ✗ Stopped\nℹ \nℹ To start:\nℹ   stigmer server\n',
    );
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const running = await stack.run(['server', 'status']);
    expect(running.code).toBe(0);
    const server = stack.pid(stack.layout.daemonPidFile);
    const runner = stack.pid(stack.layout.workflowRunnerPidFile);
    expect(running.stdout).toContain(
      `\nStigmer Server:\nℹ   Status:   Running ✓\nℹ   PID:      ${server}\n`,
    );
    expect(running.stdout).toContain(
      `\nWorkflow Runner:\nℹ   Status:   Running ✓\nℹ   PID:      ${runner}\n`,
    );
    expect(running.stdout).not.toContain('Agent Runner');
    expect(running.stdout).toContain('ℹ   Provider: Local ✓ Running');
  });
});

describe('`stigmer server logs` (page: "Commands", logs row)', () => {
  it('streams every component forever by default, new lines included', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const logs = spawnCli(['server', 'logs'], stack.env());
    let output = '';
    logs.stdout.on('data', (chunk) => {
      output += chunk;
    });
    try {
      expect(await eventually(() => output.includes('[agent-runner   ] '))).toBe(true);
      expect(output).toContain(
        'ℹ Streaming logs from all components (mixed (smart defaults), interleaved by timestamp)',
      );
      expect(output).toContain('[stigmer-server ] ');
      appendFileSync(join(stack.layout.logDir, 'workflow-runner.log'), 'a line written later\n');
      expect(
        await eventually(() => output.includes('[workflow-runner] a line written later')),
      ).toBe(true);
      await sleep(500);
      expect(logs.exitCode).toBe(null); // still streaming
    } finally {
      logs.kill('SIGTERM');
      await once(logs, 'exit');
    }
  });

  it('--follow=false prints and exits; --tail N; -c counts only with --all=false', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const all = await stack.run(['server', 'logs', '--follow=false', '--tail', '3']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'ℹ Showing last 3 lines from all components (mixed (smart defaults), interleaved by timestamp)',
    );
    expect(lines.slice(2)).toHaveLength(3);
    // -c alone is ignored: --all defaults to true.
    const ignored = await stack.run(['server', 'logs', '--follow=false', '-c', 'workflow-runner']);
    expect(ignored.stdout).toContain('[stigmer-server ] ');
    const one = await stack.run([
      'server',
      'logs',
      '--follow=false',
      '--all=false',
      '-c',
      'workflow-runner',
      '-n',
      '2',
    ]);
    expect(one.stdout).toContain(
      `ℹ Showing last 2 lines from: ${stack.layout.logDir}/workflow-runner.log\n\n`,
    );
    expect(one.stdout).toContain('INF Temporal worker configured and ready');
    expect(one.stdout).not.toContain('[');
    const temporal = await stack.run([
      'server',
      'logs',
      '--follow=false',
      '--all=false',
      '-c',
      'temporal',
    ]);
    expect(temporal.code).toBe(0);
    expect(temporal.stdout).toContain(
      "✗ Invalid component: temporal (must be 'stigmer-server', 'agent-runner', or 'workflow-runner')",
    );
  });

  it('shows agent-runner only through `docker logs`', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const agent = await stack.run([
      'server',
      'logs',
      '--follow=false',
      '--all=false',
      '-c',
      'agent-runner',
    ]);
    expect(agent.code).toBe(0);
    expect(agent.stdout).toContain('ℹ Agent-runner is running in Docker, streaming from container');
    expect(agent.stdout).toContain('Worker started, polling for agent executions');
    const direct = await stack.docker('logs', '--tail', '1', 'stigmer-agent-runner');
    expect(direct.stdout.trim().split('\n')).toHaveLength(1);
  });
});
