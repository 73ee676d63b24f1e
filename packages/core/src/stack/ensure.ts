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
import { resolvePolicy } from './policy.js';
import { watchRecordedStart, watchStart } from './start.js';

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
