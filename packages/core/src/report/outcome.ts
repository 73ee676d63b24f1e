/**
 * How this run got the stack:
 * - `started`: it was down; this run started it and owns it.
 * - `reused`: it was running, not started by stigmer-e2e; it is never stopped by us.
 * - `joined`: another run started it (maybe still starting); the last lease out stops it.
 * - `adopted`: a run that started it died without stopping it; this run owns it now.
 * - `external`: an external stack, only probed.
 * - `unavailable`: see `reason`.
 */
export type Outcome = 'started' | 'reused' | 'joined' | 'adopted' | 'external' | 'unavailable';

/**
 * Why a release did or did not stop the stack:
 * - `stopped`: stigmer-e2e started it and this was the last lease;
 * - `stopped-always`: `stop: 'always'` on a stack stigmer-e2e did not start;
 * - `replaced`: it was ours, but someone restarted it since: left running;
 * - `in-use`: other runs still hold leases: left running for them;
 * - `not-ours`: it was running before stigmer-e2e: never stopped;
 * - `kept`: `stop: 'never'`: left running and no longer ours;
 * - `no-lease`: the lease was already gone (released, expired, reaped) or there was none.
 */
export type ReleaseReason =
  | 'stopped'
  | 'stopped-always'
  | 'replaced'
  | 'in-use'
  | 'not-ours'
  | 'kept'
  | 'no-lease';
