/** release = lock -> drop the lease, reap dead ones -> if ours and no live lease is left: stop and disown. */
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { type Logger, silentLogger } from '../report/logger.js';
import { partitionLeases } from '../state/leases.js';
import { withLock } from '../state/lock.js';
import type { Ownership } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';
import type { ReleaseResult } from './handle.js';
import { pidFileProcesses } from './identity.js';
import { stopAndDisown } from './stop.js';

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
): Promise<Omit<ReleaseResult, 'usage'> & { usage: null }> {
  const resolved = await toProfile(profile);
  if (!resolved.start)
    return { released: false, stop: null, reason: 'not-ours', remaining: 0, usage: null };
  return releaseLease(resolved, leaseId, options);
}

export async function releaseLease(
  profile: Profile,
  leaseId: string,
  options: ReleaseOptions = {},
): Promise<Omit<ReleaseResult, 'usage'> & { usage: null }> {
  const logger = options.logger ?? silentLogger;
  const policy = options.stop ?? 'if-owned';
  return withLock(profile.stateDir, async () => {
    const { state, warning } = await readState(profile.stateDir);
    if (warning) logger.warn(warning);
    const released = state.leases.some((l) => l.id === leaseId);
    const { live } = await partitionLeases(state.leases.filter((l) => l.id !== leaseId));
    const result = (reason: ReleaseResult['reason'], stop: ReleaseResult['stop'] = null) => ({
      released,
      stop,
      reason,
      remaining: live.length,
      usage: null,
    });
    const owner =
      policy === 'always' ? (state.owner ?? (await unownedAsOwner(profile))) : state.owner;
    if (live.length > 0 || !owner || policy === 'never') {
      const keep = policy === 'never' && live.length === 0;
      await writeState(profile.stateDir, {
        ...state,
        leases: live,
        owner: keep ? null : state.owner,
      });
      if (live.length > 0) return result('in-use');
      if (keep && state.owner) return result('kept');
      return result(released ? 'not-ours' : 'no-lease');
    }
    logger.info(
      `Stopping ${profile.name}: ${state.owner ? 'started by stigmer-e2e' : 'stop: always'} and no lease remains.`,
    );
    const stop = await stopAndDisown(profile, state, owner, { leases: [], logger });
    if (!stop?.stopped) return result('replaced', stop);
    return result(state.owner ? 'stopped' : 'stopped-always', stop);
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
    identity: await pidFileProcesses(profile),
  };
}
