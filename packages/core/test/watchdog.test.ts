/**
 * The watchdog stops a stack only when every lease holder is dead, and checks again under the
 * lock before it does: a run that took a lease in between keeps the stack. Real processes: the
 * owner is SIGKILLed, other runs hold live leases.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, releaseServer } from '../src/index.js';
import { newLease } from '../src/state/leases.js';
import { withLock } from '../src/state/lock.js';
import { readState, writeState } from '../src/state/state-file.js';
import { sleep } from '../src/util/sleep.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { isRunning, portAccepts, Worker, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('watchdog');
});
afterEach(async () => {
  await temp.remove();
});

const GRACE_MS = 300;
/** How often the watchdog polls (programs/watchdog.ts). */
const POLL_MS = 1_000;
const env = { STIGMER_E2E_WATCHDOG_GRACE_MS: String(GRACE_MS) };

async function started() {
  const stack = await fixtureStack(temp.dir);
  const owner = new Worker(stack.specFile, 60_000, env);
  expect((await owner.next('ensured')).handle).toMatchObject({ outcome: 'started' });
  const stateDir = stack.spec.stateDir!;
  const { state } = await readState(stateDir);
  const log = () => readFile(path.join(stateDir, 'logs', 'watchdog.log'), 'utf8');
  const logged = (text: string, what: string) =>
    waitFor(async () => (await log()).includes(text), 30_000, what);
  return { stack, owner, stateDir, watchdog: state.owner!.watchdog!, log, logged };
}

describe('the watchdog and live leases', () => {
  it('leaves the stack alone while another run holds a lease: the owner SIGKILLed, past the grace', async () => {
    const { stack, owner, watchdog, log, logged } = await started();
    const other = new Worker(stack.specFile, 60_000, env);
    expect((await other.next('ensured')).handle).toMatchObject({ outcome: 'joined' });
    await logged('2 live lease(s)', 'the watchdog to see both leases');
    owner.child.kill('SIGKILL');
    await owner.exited();
    await logged('1 live lease(s)', 'the watchdog to see the owner gone');
    // Past the grace, and a few polls more: a watchdog counting only the owner would be
    // stopping the stack by now (or at least going for the lock to do so).
    await sleep(GRACE_MS + 3 * POLL_MS);
    expect(await log()).not.toMatch(/stopping|not stopping/);
    expect(await portAccepts(stack.port)).toBe(true);
    expect(await isRunning(watchdog.pid)).toBe(true);
    other.finish();
    expect((await other.next('released')).result).toMatchObject({ stop: { stopped: true } });
    expect(await portAccepts(stack.port)).toBe(false);
  });

  it('checks again under the lock: a lease taken while it waited for the lock keeps the stack running', async () => {
    const { stack, owner, stateDir, watchdog, log, logged } = await started();
    const lease = await newLease({ kind: 'process', label: 'a late run' });
    await withLock(stateDir, async () => {
      owner.child.kill('SIGKILL');
      await owner.exited();
      // Every holder is dead: the watchdog goes for the lock, and waits for us.
      await logged('waiting for the lock', 'the watchdog to wait for the lock');
      const { state } = await readState(stateDir);
      await writeState(stateDir, { ...state, leases: [...state.leases, lease] });
    });
    await waitFor(
      async () => /not stopping|stopping the stack/.test(await log()),
      30_000,
      'the watchdog to decide under the lock',
    );
    expect(await log()).toContain('a lease was taken meanwhile: not stopping');
    expect(await log()).not.toContain('stopping the stack');
    await logged('1 live lease(s): a late run', 'the watchdog to see the new lease');
    expect(await portAccepts(stack.port)).toBe(true);
    expect(await isRunning(watchdog.pid)).toBe(true);
    const released = await releaseServer(defineServer(stack.spec), lease.id);
    expect(released.stop).toMatchObject({ stopped: true });
    expect(await portAccepts(stack.port)).toBe(false);
  });
});
