/** Waiting for a stack this run owns and started: success records its identity, failure stops it. */
import type { WaitResult } from '../probe/wait-ready.js';
import { signalVerified } from '../process/signal.js';
import { withLock } from '../state/lock.js';
import type { Lease, Ownership } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';
import { type Context, waitForStack } from './context.js';
import { finish } from './finish.js';
import type { Outcome, ServerHandle } from './handle.js';
import { readIdentity } from './identity.js';
import { DEFAULT_TAIL_LINES, readLogTails } from './log-tail.js';
import { profileLogs, startLogFile, startNeverRan } from './start.js';
import { stopStack } from './stop.js';

/**
 * Waits for the stack this run started. `failure` settles with a reason when waiting is
 * pointless (the server exited); then, as on timeout or abort, what we started is stopped.
 */
export async function awaitOwnStart(
  ctx: Context,
  lease: Lease,
  owner: Ownership,
  failure: Promise<string>,
  outcome: Extract<Outcome, 'started' | 'adopted'>,
): Promise<ServerHandle> {
  const { profile } = ctx;
  let result: WaitResult;
  try {
    result = await waitForStack(ctx, failure);
  } catch (error) {
    await abandonStart(ctx, lease, owner, `aborted: ${(error as Error).message}`);
    throw error;
  }
  if (!result.ready) {
    // A start command that could not run at all started nothing: no stop to run, no component
    // logs to show (they would only be "no such file"), just our own start log.
    const neverRan = await startNeverRan(profile);
    const logs = neverRan ? { 'start command': [startLogFile(profile)] } : profileLogs(profile);
    const tails = await readLogTails(logs, ctx.options.logLines ?? DEFAULT_TAIL_LINES);
    await abandonStart(ctx, lease, owner, result.reason, !neverRan);
    return finish(ctx, {
      outcome: 'unavailable',
      reason: result.reason,
      components: result.components,
      leaseId: null,
      logTails: tails,
    });
  }
  const identity = await readIdentity(profile);
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    if (state.owner?.startedAt === owner.startedAt) {
      await writeState(profile.stateDir, {
        ...state,
        owner: { ...state.owner, phase: 'running', identity },
      });
    }
  });
  ctx.logger.info(
    `${profile.name} is ready after ${(ctx.elapsed() / 1000).toFixed(1)} s (started by this run; stopped when the last run using it is done).`,
  );
  return finish(ctx, { outcome, components: result.components, leaseId: lease.id });
}

/** A start that failed or was aborted: record why (runs waiting for it read it), stop what we started. */
async function abandonStart(
  ctx: Context,
  lease: Lease,
  owner: Ownership,
  reason: string,
  stop = true,
): Promise<void> {
  const { profile, logger } = ctx;
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    const leases = state.leases.filter((l) => l.id !== lease.id);
    if (state.owner?.startedAt !== owner.startedAt) {
      await writeState(profile.stateDir, { ...state, leases });
      return;
    }
    if (stop) {
      logger.info(`Stopping what this run started of ${profile.name}: ${reason}`);
      const report = await stopStack(profile, state.owner);
      for (const line of [...report.steps, ...report.problems]) logger.info(`  ${line}`);
    }
    await writeState(profile.stateDir, {
      ...state,
      owner: null,
      leases,
      lastFailure: { at: Date.now(), reason },
    });
    if (state.owner.watchdog) await signalVerified(state.owner.watchdog, 'SIGTERM');
  });
}
