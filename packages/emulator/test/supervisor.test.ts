import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alive } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

/** Short supervisor timings: a restart cycle in well under a second instead of ~19 s. */
const FAST = {
  healthCheckIntervalMs: 200,
  restartDelayMs: 100,
  supervisorStopWaitMs: 100,
  supervisorStartWaitMs: 100,
};

const serverLog = (s: TestStack) =>
  readFileSync(join(s.layout.logDir, 'stigmer-server.log'), 'utf8');

/** Kills the current workflow-runner and waits for the supervisor to write a new pid. */
async function killAndAwaitRestart(s: TestStack): Promise<[number, number]> {
  const before = s.pid(s.layout.workflowRunnerPidFile);
  process.kill(before, 'SIGKILL');
  const restarted = await eventually(() => {
    const now = s.pid(s.layout.workflowRunnerPidFile);
    return now !== before && alive(now);
  }, 30_000);
  expect(restarted, `workflow-runner ${before} restarted`).toBe(true);
  // Let the supervisor's start wait pass: a kill inside it counts as a crash at start.
  await sleep(2_000);
  return [before, s.pid(s.layout.workflowRunnerPidFile)];
}

describe('the supervisor (page: "The process tree", 6-7)', () => {
  it('restarts a killed workflow-runner under a new pid and rewrites the pid file', async () => {
    stack = await createStack(FAST);
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const [before, after] = await killAndAwaitRestart(stack);
    expect(after).not.toBe(before);
    expect(alive(before)).toBe(false);
    expect(serverLog(stack)).toMatch(
      /WRN Component unhealthy, attempting restart component=workflow-runner/,
    );
    expect(serverLog(stack)).toContain(
      'INF Restarting component component=workflow-runner restart_count=1',
    );
  });

  it("keeps restarting past the source's MaxRestarts of 10: each restart registers a fresh counter", async () => {
    stack = await createStack(FAST);
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    for (let i = 0; i < 11; i++) await killAndAwaitRestart(stack);
    expect(serverLog(stack)).not.toContain('exceeded max restarts');
    expect(serverLog(stack)).not.toContain('restart_count=2');
  }, 240_000);

  it('gives up on a workflow-runner that crashes at start (Temporal gone): no more restarts', async () => {
    // A start wait long enough for the emulated worker (Node) to fail its Temporal dial.
    stack = await createStack({ ...FAST, supervisorStartWaitMs: 5_000 });
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    process.kill(stack.pid(stack.layout.temporalPidFile), 'SIGKILL'); // a killed Temporal stays down
    const runner = stack.pid(stack.layout.workflowRunnerPidFile);
    process.kill(runner, 'SIGKILL');
    const s = stack;
    expect(
      await eventually(() => serverLog(s).includes('ERR Failed to restart component'), 60_000),
    ).toBe(true);
    expect(serverLog(stack)).toContain('workflow-runner crashed immediately after startup');
    const last = stack.pid(stack.layout.workflowRunnerPidFile);
    expect(alive(last)).toBe(false);
    expect(readFileSync(join(stack.layout.logDir, 'workflow-runner.log'), 'utf8')).toContain(
      'FTL Failed to create Zigflow worker',
    );
  });

  it('re-creates an agent-runner container that was stopped behind its back', async () => {
    stack = await createStack(FAST);
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const first = readFileSync(stack.layout.containerIdFile, 'utf8');
    expect((await stack.docker('stop', 'stigmer-agent-runner')).code).toBe(0);
    const s = stack;
    expect(
      await eventually(() => readFileSync(s.layout.containerIdFile, 'utf8') !== first, 30_000),
    ).toBe(true);
    const running = await stack.docker(
      'inspect',
      '-f',
      '{{.State.Running}}',
      'stigmer-agent-runner',
    );
    expect(running.stdout.trim()).toBe('true');
  });

  it('without Docker goes on without agent-runner and still listens', async () => {
    stack = await createStack({ ...FAST, dockerUnavailable: true });
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    expect(existsSync(stack.layout.containerIdFile)).toBe(false);
    expect(serverLog(stack)).toContain(
      'WRN Failed to start agent-runner (continuing without it) error="Docker is not available"',
    );
    expect(alive(stack.pid(stack.layout.workflowRunnerPidFile))).toBe(true);
  });
});
