/**
 * A lease whose holder died is reaped, and stays reaped: each ensure and release writes back
 * only the live leases, so a dead one never comes back to keep a stack running or to be
 * reported alive.
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer } from '../src/index.js';
import type { ProcessRef } from '../src/process/identity.js';
import { readState, writeState } from '../src/state/state-file.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { portAccepts } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('reaping');
});
afterEach(async () => {
  await temp.remove();
});

/** A process that has exited: its identity names nobody any more. */
async function deadHolder(): Promise<ProcessRef> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('exit', r));
  return { pid: child.pid!, startTime: '1' };
}

describe('dead leases', () => {
  it('are not written back to the state file: reaped by an ensure, by a release, and by the last release', async () => {
    const stack = await fixtureStack(temp.dir);
    const profile = defineServer(stack.spec);
    const dir = stack.spec.stateDir!;
    const plant = async (id: string) => {
      const { state } = await readState(dir);
      const lease = { id, createdAt: 0, holder: await deadHolder(), expiresAt: null, label: id };
      await writeState(dir, { ...state, leases: [...state.leases, lease] });
    };
    const leaseIds = async () => (await readState(dir)).state.leases.map((l) => l.id);

    const first = await ensureServer(profile);
    await plant('dead-1');
    const second = await ensureServer(profile);
    expect(second.outcome).toBe('joined');
    expect(await leaseIds()).toEqual([first.leaseId, second.leaseId]);

    await plant('dead-2');
    expect((await second.release()).remaining).toBe(1);
    expect(await leaseIds()).toEqual([first.leaseId]);

    await plant('dead-3');
    expect((await first.release()).stop).toMatchObject({ stopped: true });
    expect(await leaseIds()).toEqual([]);
    expect(await portAccepts(stack.port)).toBe(false);
  });
});
