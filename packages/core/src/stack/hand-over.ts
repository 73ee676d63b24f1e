import type { Profile } from '../profile/profile.js';
import { withLock } from '../state/lock.js';
import type { Lease } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';

/**
 * Gives a lease a new holder once whoever needs its id has it: `stigmer-e2e up` holds its lease
 * itself until the handle is printed (killed before that, the lease dies with it and the stack
 * is stopped), then hands it over to an explicit lease that `down --lease` releases.
 * False when the lease is gone (reaped, released).
 */
export async function handOverLease(
  profile: Profile,
  leaseId: string,
  to: Pick<Lease, 'holder' | 'expiresAt'>,
): Promise<boolean> {
  return withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    if (!state.leases.some((l) => l.id === leaseId)) return false;
    const leases = state.leases.map((l) => (l.id === leaseId ? { ...l, ...to } : l));
    await writeState(profile.stateDir, { ...state, leases });
    return true;
  });
}
