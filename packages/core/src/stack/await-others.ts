/** Waiting for a stack this run did not start: another run's start, or someone else's stack. */
import { describeNotReady } from '../probe/component-status.js';
import { formatSeconds, type WaitResult } from '../probe/wait-ready.js';
import type { Lease } from '../state/state.js';
import { readState } from '../state/state-file.js';
import { sleep } from '../util/sleep.js';
import { type Context, NEVER, waitForStack } from './context.js';
import { finish } from './finish.js';
import type { Outcome, ServerHandle } from './handle.js';
import { DEFAULT_TAIL_LINES, readLogTails } from './log-tail.js';
import { releaseLease } from './release.js';
import { profileLogs } from './start.js';

/** How long a partly running stack that is not ours may take to become whole. */
const FOREIGN_SETTLE_MS = 10_000;

/** Another run is starting the stack (joined), or its starter died mid-start (adopted): wait for it. */
export async function awaitOthersStart(
  ctx: Context,
  lease: Lease,
  ownerStartedAt: number,
  outcome: Extract<Outcome, 'joined' | 'adopted'>,
): Promise<ServerHandle> {
  ctx.logger.info(`${ctx.profile.name} is being started by another run: waiting for it.`);
  const watching = new AbortController();
  const failure = watchOwner(ctx.profile.stateDir, ownerStartedAt, watching.signal).catch(
    () => NEVER,
  );
  const result = await waitOrRelease(ctx, lease, () => waitForStack(ctx, failure)).finally(() =>
    watching.abort(),
  );
  if (result.ready)
    return finish(ctx, { outcome, components: result.components, leaseId: lease.id });
  const tails = await readLogTails(
    profileLogs(ctx.profile),
    ctx.options.logLines ?? DEFAULT_TAIL_LINES,
  );
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  return finish(ctx, {
    outcome: 'unavailable',
    reason: result.reason,
    components: result.components,
    leaseId: null,
    logTails: tails,
  });
}

/**
 * A stack we did not start is partly up: someone may be starting it. Wait for it a little,
 * touching nothing; if it does not become whole, it is unavailable for the reason given.
 */
export async function awaitForeign(
  ctx: Context,
  lease: Lease,
  reason: string,
): Promise<ServerHandle> {
  const settleMs = Math.min(ctx.timeoutMs, FOREIGN_SETTLE_MS);
  ctx.logger.info(
    `${ctx.profile.name} is partly running (not started by stigmer-e2e): waiting up to ${formatSeconds(settleMs)} for it.`,
  );
  const result = await waitOrRelease(ctx, lease, () => waitForStack(ctx, NEVER, settleMs));
  if (result.ready)
    return finish(ctx, { outcome: 'reused', components: result.components, leaseId: lease.id });
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  // The reason says what was found; the wait's last probes say what is still wrong.
  const still = `${reason} After ${formatSeconds(settleMs)}, still not ready: ${describeNotReady(result.components)}.`;
  return finish(ctx, {
    outcome: 'unavailable',
    reason: still,
    components: result.components,
    leaseId: null,
  });
}

/** An external stack: only probed, no lease, never started or stopped. */
export async function awaitExternal(ctx: Context): Promise<ServerHandle> {
  const result = await waitForStack(ctx, NEVER);
  return result.ready
    ? finish(ctx, { outcome: 'external', components: result.components, leaseId: null })
    : finish(ctx, {
        outcome: 'unavailable',
        reason: `external stack not ready: ${result.reason}`,
        components: result.components,
        leaseId: null,
      });
}

/** Runs a wait; if it is aborted, the lease is released before the abort propagates. */
async function waitOrRelease(
  ctx: Context,
  lease: Lease,
  run: () => Promise<WaitResult>,
): Promise<WaitResult> {
  try {
    return await run();
  } catch (error) {
    await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
    throw error;
  }
}

/** Resolves with a reason when the run that started the stack gave up on it (its ownership is gone). */
async function watchOwner(dir: string, startedAt: number, signal: AbortSignal): Promise<string> {
  for (;;) {
    await sleep(200, signal);
    const { state } = await readState(dir, { repair: false });
    if (state.owner?.startedAt !== startedAt) {
      return state.lastFailure
        ? `the run that was starting it gave up: ${state.lastFailure.reason}`
        : 'the run that was starting it stopped it';
    }
  }
}
