import { signalVerified } from '../process/signal.js';
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { partitionLeases } from '../state/leases.js';
import { withLock } from '../state/lock.js';
import type { Ownership } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';
import type { ReleaseResult } from './handle.js';
import { readIdentity } from './identity.js';
import { type Logger, silentLogger } from './logger.js';
import { stopStack } from './stop.js';

export interface ReleaseOptions {
  logger?: Logger;
  /**
   * When the last live lease goes:
   * - `if-owned` (default): stop the stack if stigmer-e2e started it;
   * - `always`: stop it even if it was already running before (with the profile's stop command);
   * - `never`: leave it running and forget that we started it.
   * A stack other live leases still use is never stopped.
   */
  stop?: 'if-owned' | 'always' | 'never';
}

/**
 * Drops a lease by id and reaps dead ones; stops the stack when this was the last live lease on
 * a stack stigmer-e2e started. For leases taken with `lease: { kind: 'explicit' }` (`stigmer-e2e
 * up`, an Action's pre); a handle's own `release()` calls this too.
 */
export async function releaseServer(
  profile: Profile | ServerSpec,
  leaseId: string,
  options: ReleaseOptions = {},
): Promise<ReleaseResult> {
  const resolved = await toProfile(profile);
  if (!resolved.start) return { released: false, stop: null, remaining: 0, usage: null };
  return releaseLease(resolved, leaseId, options);
}

export async function releaseLease(
  profile: Profile,
  leaseId: string,
  options: ReleaseOptions = {},
): Promise<ReleaseResult> {
  const logger = options.logger ?? silentLogger;
  const policy = options.stop ?? 'if-owned';
  return withLock(profile.stateDir, async () => {
    const { state, warning } = await readState(profile.stateDir);
    if (warning) logger.warn(warning);
    const released = state.leases.some((l) => l.id === leaseId);
    const { live } = await partitionLeases(state.leases.filter((l) => l.id !== leaseId));
    const owner =
      policy === 'always' ? (state.owner ?? (await unownedAsOwner(profile))) : state.owner;
    if (live.length > 0 || !owner || policy === 'never') {
      if (live.length === 0 && state.owner && policy === 'never')
        logger.info(`${profile.name} left running (stop: never).`);
      await writeState(profile.stateDir, {
        ...state,
        leases: live,
        owner: policy === 'never' && live.length === 0 ? null : state.owner,
      });
      return { released, stop: null, remaining: live.length, usage: null };
    }
    logger.info(
      `Stopping ${profile.name}: ${state.owner ? 'started by stigmer-e2e' : 'stop: always'} and no lease remains.`,
    );
    const stop = await stopStack(profile, owner);
    await writeState(profile.stateDir, { ...state, owner: null, leases: [] });
    // The watchdog would notice within a second; ending it now leaves nothing behind us.
    if (owner.watchdog) await signalVerified(owner.watchdog, 'SIGTERM');
    for (const step of stop.steps) logger.info(`  ${step}`);
    for (const problem of stop.problems) logger.warn(`  ${problem}`);
    return { released, stop, remaining: 0, usage: null };
  });
}

/** `stop: always` on a stack we did not start: stop it with its stop command, by what its pid files say now. */
async function unownedAsOwner(profile: Profile): Promise<Ownership | null> {
  if (!profile.stop.command) return null; // nothing we may signal: we never recorded its processes
  return {
    leaseId: '',
    phase: 'running',
    mode: 'daemon',
    startedAt: 0,
    process: null,
    identity: await readIdentity(profile),
  };
}
