/**
 * One id for what a group run holds: a lease per member, as "stigmer=<id>,db=<id>,app=<id>".
 * Every surface passes a single lease id around (`up` prints it, `down --lease` takes it, the
 * Action keeps it from pre to post), so a group's id is one string too.
 */
import { UsageError } from '../errors.js';
import { handOverLease } from '../stack/hand-over.js';
import type { Lease } from '../state/state.js';
import type { Group } from './group.js';

export function formatGroupLease(
  leases: ReadonlyArray<{ readonly name: string; readonly leaseId: string | null }>,
): string | null {
  const held = leases.filter((l) => l.leaseId !== null);
  return held.length > 0 ? held.map((l) => `${l.name}=${l.leaseId}`).join(',') : null;
}

/** member name -> its lease id. */
export function parseGroupLease(group: Group, id: string): Map<string, string> {
  const names = group.members.map((m) => m.name);
  const pairs = id.split(',').map((pair) => pair.split('='));
  const expected = `expected the group's lease id as \`up\` printed it ("${names.map((n) => `${n}=<id>`).join(',')}")`;
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1]))
    throw new UsageError(`lease ${id}: ${expected}`);
  const unknown = pairs.filter(([name]) => !names.includes(name!)).map(([name]) => name);
  if (unknown.length > 0)
    throw new UsageError(
      `lease ${id}: ${group.name} has no member ${unknown.map((n) => `"${n}"`).join(', ')}; ${expected}`,
    );
  return new Map(pairs as Array<[string, string]>);
}

/** `handOverLease` for each member's lease (see `stigmer-e2e up`). False when one is gone. */
export async function handOverGroupLease(
  group: Group,
  leaseId: string,
  to: Pick<Lease, 'holder' | 'expiresAt'>,
): Promise<boolean> {
  const leases = parseGroupLease(group, leaseId);
  const handed = await Promise.all(
    group.members.map((m) => {
      const id = leases.get(m.name);
      return id ? handOverLease(m.profile, id, to) : true;
    }),
  );
  return handed.every(Boolean);
}
