/**
 * How the app survives a failure of the stack: workflow-runner killed in the middle of a test,
 * Temporal frozen for 3 s. The stack is this run's own (started by the plugin), so faults() may
 * break it; the recovery times are printed as `recovery:` lines.
 *
 * With the emulator, "the app's call" is what a client does first on every call (Temporal's
 * health check, a connection to stigmer-server): the emulator runs no workflows. Against the
 * real stack, run your workflow there: it waits in Temporal's task queue while workflow-runner
 * is down and completes once the supervisor has restarted it.
 */
import { describeStigmer, faults, type Recovery } from '@stigmer/e2e-vitest';
import { afterAll, expect, test } from 'vitest';
import { serverAccepts, withRetry } from './client.js';

const times: string[] = [];
const note = (what: string, r: Recovery) =>
  times.push(
    `${what}: back after ${r.downMs} ms, ready ${r.probeMs} ms later, ${r.recoveryMs} ms in all`,
  );
afterAll(() => {
  for (const line of times) console.log(`recovery: ${line}`);
});

describeStigmer('the app under failures', (stack) => {
  const { STIGMER_SERVER_ADDR, TEMPORAL_ADDRESS } = stack.env;
  const stackFaults = faults(stack);

  test('workflow-runner killed mid-test: the call still completes after the recovery', async () => {
    expect((await withRetry(TEMPORAL_ADDRESS!)).ok).toBe(true);
    const fault = await stackFaults.kill('workflow-runner');
    // The rest of the stack does not go down with it.
    expect(await serverAccepts(STIGMER_SERVER_ADDR!)).toBe(true);
    const recovery = await stackFaults.waitReady('workflow-runner');
    note('kill workflow-runner', recovery);
    expect(recovery.recovered).toBe(true);
    expect((recovery.after as { pid: number }).pid).not.toBe((fault.target as { pid: number }).pid);
    const call = await withRetry(TEMPORAL_ADDRESS!);
    expect(call.ok).toBe(true);
  });

  test('Temporal paused 3 s: the first attempt times out, the client retry succeeds', async () => {
    const fault = await stackFaults.pause('temporal', { forMs: 3_000 });
    const call = await withRetry(TEMPORAL_ADDRESS!, { deadlineMs: 500, totalMs: 15_000 });
    expect(call.ok).toBe(true);
    expect(call.attempts[0]).toBe('DEADLINE_EXCEEDED');
    expect(call.attempts.at(-1)).toBe('SERVING');
    expect(Date.now() - fault.injectedAt).toBeGreaterThanOrEqual(3_000);
    const recovery = await stackFaults.waitReady('temporal');
    note('pause temporal 3 s', recovery);
    times.push(
      `the client's call completed after ${call.attempts.length} attempts, ${call.elapsedMs} ms`,
    );
  });
});
