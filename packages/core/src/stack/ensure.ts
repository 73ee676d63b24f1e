/**
 * ensure = resolve the options -> plan under the lock (reap, probe, decide, record, launch) ->
 * wait until every required component is ready -> a handle. See docs/architecture.md.
 */
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { stigmer } from '../profile/stigmer.js';
import { type EnsureOptions, resolveContext } from './context.js';
import type { ServerHandle } from './handle.js';
import { plan } from './plan.js';
import { REPLAN } from './start-watch.js';
import { awaitExternal, awaitPlanned } from './wait.js';

export type { EnsureOptions } from './context.js';

/**
 * Makes sure the stack runs: reuses it, waits for the run that is starting it, or starts it.
 * Always returns a handle (or throws under the `fail` policy); call `release()` when done.
 *
 * @example
 * const server = await ensureServer(); // the Stigmer stack
 * try {
 *   if (server.available) await runTests(server.env.STIGMER_SERVER_ADDR);
 * } finally {
 *   await server.release(); // stops it only if this run started it and nobody else uses it
 * }
 */
export async function ensureServer(
  profile: Profile | ServerSpec = stigmer(),
  options: EnsureOptions = {},
): Promise<ServerHandle> {
  const ctx = resolveContext(await toProfile(profile), options);
  if (!ctx.profile.start) return awaitExternal(ctx);
  let leaseId = ctx.resume;
  for (;;) {
    const planned = await plan(ctx, leaseId);
    const handle = await awaitPlanned(ctx, planned);
    if (handle !== REPLAN) return handle;
    leaseId = planned.lease!.id; // the run we waited for died: plan again, keeping our lease
  }
}
