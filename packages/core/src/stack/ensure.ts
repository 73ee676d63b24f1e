/**
 * ensure = lock -> reap dead leases -> probe -> reuse | join | adopt | start -> unlock ->
 * wait until every required component is ready -> a handle. See docs/architecture.md.
 */
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { stigmer } from '../profile/stigmer.js';
import { withLock } from '../state/lock.js';
import { prepareStateDir } from '../state/state-file.js';
import { awaitExternal, awaitForeign, awaitOthersStart } from './await-others.js';
import { awaitOwnStart } from './await-start.js';
import { type Context, type EnsureOptions, NEVER } from './context.js';
import { finish } from './finish.js';
import type { ServerHandle } from './handle.js';
import { silentLogger } from './logger.js';
import { planUnderLock } from './plan.js';
import { isCI, resolvePolicy } from './policy.js';
import { watchRecordedStart, watchStart } from './start.js';
import { settingsMismatch } from './started-with.js';

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
  const started = performance.now();
  const resolved = await toProfile(profile);
  const ctx: Context = {
    profile: resolved,
    logger: options.logger ?? silentLogger,
    policy: resolvePolicy(options.onUnavailable),
    timeoutMs: options.timeoutMs ?? resolved.readyTimeoutMs,
    options,
    elapsed: () => Math.round(performance.now() - started),
  };
  if (!resolved.start) return awaitExternal(ctx);
  return checkSettings(ctx, await ensureOnce(ctx), true);
}

/**
 * A stack that was already running may run with other settings than the profile asks for (an
 * LLM model). One we own that nobody else uses is restarted with ours; otherwise `onMismatch`
 * decides: use it with a warning, or call it unavailable and leave it alone.
 */
async function checkSettings(
  ctx: Context,
  handle: ServerHandle,
  mayRestart: boolean,
): Promise<ServerHandle> {
  if (!handle.available || handle.outcome === 'started' || !ctx.profile.startedWith) return handle;
  const mismatch = await settingsMismatch(ctx.profile);
  if (!mismatch || mismatch.length === 0) return handle;
  const what = mismatch.join('; ');
  if (handle.owned && mayRestart) {
    const released = await handle.release();
    if (released.stop?.stopped) {
      ctx.logger.info(
        `${ctx.profile.name} ran with other settings (${what}): stopped it, starting it again.`,
      );
      return checkSettings(ctx, await ensureOnce(ctx), false);
    }
    return handle;
  }
  const choice = ctx.options.onMismatch ?? (isCI() ? 'unavailable' : 'reuse');
  if (choice === 'reuse') {
    ctx.logger.warn(
      `${ctx.profile.name} is running with other settings: ${what}. Using it anyway (onMismatch: 'reuse').`,
    );
    const snapshot = { ...handle.snapshot(), mismatch };
    return { ...handle, mismatch, snapshot: () => snapshot };
  }
  await handle.release();
  const reason =
    `${ctx.profile.name} is running with other settings: ${what}. It was not started by this run, so it was left as it is; ` +
    "stop it to get a stack with these settings, or pass onMismatch: 'reuse' (CLI: --on-mismatch reuse) to use it anyway.";
  return finish(ctx, {
    outcome: 'unavailable',
    reason,
    components: handle.components,
    leaseId: null,
    mismatch,
  });
}

async function ensureOnce(ctx: Context): Promise<ServerHandle> {
  const { profile: resolved, options } = ctx;

  await prepareStateDir(resolved.stateDir);
  const { plan, lease, statuses, ready } = await withLock(
    resolved.stateDir,
    () => planUnderLock(ctx),
    {
      ...(options.signal ? { signal: options.signal } : {}),
      onWait: (holder) =>
        ctx.logger.info(
          `Waiting for another run (pid ${holder.pid}) that is starting or stopping ${resolved.name}...`,
        ),
    },
  );
  if (plan.kind === 'unavailable' || !lease) {
    return finish(ctx, {
      outcome: 'unavailable',
      reason: plan.kind === 'unavailable' ? plan.reason : 'no lease',
      components: statuses,
      leaseId: null,
    });
  }
  const leaseId = lease.id;
  if (plan.kind === 'reuse' && !plan.settle) {
    ctx.logger.info(
      `${resolved.name} is already running (not started by stigmer-e2e): reusing it; it will be left running.`,
    );
    return finish(ctx, { outcome: 'reused', components: statuses, leaseId });
  }
  if (options.wait === false) {
    const outcome =
      plan.kind === 'start'
        ? plan.adopted
          ? 'adopted'
          : 'started'
        : plan.kind === 'own'
          ? 'started'
          : plan.kind === 'join'
            ? 'joined'
            : plan.kind === 'adopt'
              ? 'adopted'
              : 'reused';
    const reason = `not waited for (wait: false); resume with ensureServer(profile, { resume: '${leaseId}' })`;
    return finish(ctx, {
      outcome,
      components: statuses,
      leaseId,
      pending: !ready,
      reason: ready ? undefined : reason,
    });
  }

  switch (plan.kind) {
    case 'reuse':
      return awaitForeign(ctx, lease, plan.settle!);
    case 'join':
    case 'adopt':
      if (ready)
        return finish(ctx, {
          outcome: plan.kind === 'join' ? 'joined' : 'adopted',
          components: statuses,
          leaseId,
        });
      return awaitOthersStart(
        ctx,
        lease,
        plan.ownerStartedAt,
        plan.kind === 'join' ? 'joined' : 'adopted',
      );
    case 'start':
    case 'own': {
      const watching = new AbortController();
      const failure = (
        plan.kind === 'start'
          ? watchStart(resolved, plan.started, watching.signal)
          : watchRecordedStart(resolved, plan.owner, watching.signal)
      ).catch(() => NEVER);
      const outcome = plan.kind === 'start' && plan.adopted ? 'adopted' : 'started';
      return awaitOwnStart(ctx, lease, plan.owner, failure, outcome).finally(() =>
        watching.abort(),
      );
    }
  }
}
