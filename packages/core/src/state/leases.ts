import { randomUUID } from 'node:crypto';
import { isProvenDead, type ProcessRef, selfRef } from '../process/identity.js';
import type { Lease } from './state.js';

export type LeaseKind =
  /**
   * Lives and dies with a process: this one by default (a test run, `stigmer-e2e run`), or
   * `holder` (a `go test` binary that ran `stigmer-e2e up --holder-pid`, a runner's job process).
   */
  | { kind: 'process'; label?: string; holder?: ProcessRef }
  /** Held until released by id (`stigmer-e2e up` ... `down --lease`, an Action's pre to post). */
  | { kind: 'explicit'; label?: string; ttlMs?: number };

export async function newLease(
  kind: LeaseKind = { kind: 'process' },
  now = Date.now(),
): Promise<Lease> {
  const id = randomUUID();
  if (kind.kind === 'explicit') {
    return {
      id,
      createdAt: now,
      holder: null,
      expiresAt: kind.ttlMs ? now + kind.ttlMs : null,
      label: kind.label ?? 'explicit',
    };
  }
  const holder = kind.holder ?? (await selfRef());
  return { id, createdAt: now, holder, expiresAt: null, label: kind.label ?? `pid ${holder.pid}` };
}

/**
 * A lease is alive until its process is proven dead (gone, a zombie, its pid reused), or, if
 * explicit, until it expires. A holder that cannot be checked right now keeps its lease.
 */
export async function isLeaseAlive(lease: Lease, now = Date.now()): Promise<boolean> {
  if (lease.holder === null) return lease.expiresAt === null || lease.expiresAt > now;
  return !(await isProvenDead(lease.holder));
}

export async function partitionLeases(
  leases: readonly Lease[],
  now = Date.now(),
): Promise<{ live: Lease[]; dead: Lease[] }> {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}
