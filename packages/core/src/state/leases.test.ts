import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processRef, selfRef } from '../process/identity.js';
import { isLeaseAlive, newLease, partitionLeases } from './leases.js';
import type { Lease } from './state.js';

const lease = (over: Partial<Lease>): Lease => ({
  id: 'x',
  createdAt: 0,
  holder: null,
  expiresAt: null,
  label: 'x',
  ...over,
});

describe('leases', () => {
  it('a process lease is bound to this process', async () => {
    const l = await newLease();
    expect(l.holder).toEqual(await selfRef());
    expect(await isLeaseAlive(l)).toBe(true);
  });

  it('an explicit lease lives until it expires', async () => {
    const l = await newLease({ kind: 'explicit', ttlMs: 1_000 }, 5_000);
    expect(l).toMatchObject({ holder: null, expiresAt: 6_000 });
    expect(await isLeaseAlive(l, 5_999)).toBe(true);
    expect(await isLeaseAlive(l, 6_000)).toBe(false);
    expect(await isLeaseAlive(await newLease({ kind: 'explicit' }))).toBe(true);
  });

  it('reaps leases of dead processes and of reused pids', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const ref = await processRef(child.pid!);
    await new Promise((r) => child.once('exit', r));
    const me = await selfRef();
    const { live, dead } = await partitionLeases([
      lease({ id: 'mine', holder: me }),
      lease({ id: 'exited', holder: ref ?? { pid: child.pid!, startTime: '0' } }),
      lease({ id: 'reused', holder: { pid: me.pid, startTime: `${me.startTime}0` } }),
      lease({ id: 'expired', expiresAt: 1 }),
    ]);
    expect(live.map((l) => l.id)).toEqual(['mine']);
    expect(dead.map((l) => l.id)).toEqual(['exited', 'reused', 'expired']);
  });
});
