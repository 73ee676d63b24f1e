import type { Profile } from '../profile/profile.js';
import { partitionLeases } from '../state/leases.js';
import { withLock } from '../state/lock.js';
import { readState, writeState } from '../state/state-file.js';
import type { ReleaseResult } from './handle.js';
import type { Logger } from './logger.js';
import { stopStack } from './stop.js';

/**
 * Drops a lease and reaps dead ones; when the stack was started by us (ownership exists) and no
 * live lease remains, stops it and clears the ownership. A stack that was running before any
 * lease existed has no ownership record, so it is never stopped here.
 */
export async function releaseLease(
  profile: Profile,
  leaseId: string,
  logger: Logger,
): Promise<ReleaseResult> {
  return withLock(profile.stateDir, async () => {
    const { state, warning } = await readState(profile.stateDir);
    if (warning) logger.warn(warning);
    const released = state.leases.some((l) => l.id === leaseId);
    const { live } = await partitionLeases(state.leases.filter((l) => l.id !== leaseId));
    if (!state.owner || live.length > 0) {
      await writeState(profile.stateDir, { ...state, leases: live });
      return { released, stop: null, remaining: live.length };
    }
    logger.info(`Stopping ${profile.name}: started by stigmer-e2e and no lease remains.`);
    const stop = await stopStack(profile, state.owner);
    await writeState(profile.stateDir, { ...state, owner: null, leases: [] });
    for (const step of stop.steps) logger.info(`  ${step}`);
    for (const problem of stop.problems) logger.warn(`  ${problem}`);
    return { released, stop, remaining: 0 };
  });
}
