/**
 * ensure = lock -> reap dead leases -> probe -> reuse | join | adopt | start -> unlock ->
 * wait until every required component is ready -> a handle. See docs/architecture.md.
 */
import { ServerUnavailableError } from '../errors.js';
import { type ComponentStatus, probeAll } from '../probe/component-status.js';
import { formatSeconds, type WaitResult, waitReady } from '../probe/wait-ready.js';
import { isSameProcess } from '../process/identity.js';
import type { Detached } from '../process/spawn-detached.js';
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { stigmer } from '../profile/stigmer.js';
import { type LeaseKind, newLease, partitionLeases } from '../state/leases.js';
import { withLock } from '../state/lock.js';
import type { Lease, Ownership } from '../state/state.js';
import { prepareStateDir, readState, writeState } from '../state/state-file.js';
import { sleep } from '../util/sleep.js';
import { decide } from './decide.js';
import { formatComponents } from './format.js';
import type { HandleSnapshot, Outcome, ReleaseResult, ServerHandle } from './handle.js';
import { readIdentity } from './identity.js';
import { DEFAULT_TAIL_LINES, formatLogTails, type LogTail, readLogTails } from './log-tail.js';
import { type Logger, silentLogger } from './logger.js';
import { type OnUnavailable, resolvePolicy } from './policy.js';
import { releaseLease } from './release.js';
import { launch, profileLogs, watchStart } from './start.js';
import { stopStack } from './stop.js';

export interface EnsureOptions {
  /** How long to wait for readiness. Default: the profile's (60 s; 180 s for Stigmer). */
  timeoutMs?: number;
  /** What an unavailable stack means: `fail` throws, `skip` returns a handle with `available: false`. Default: fail under CI, skip otherwise. */
  onUnavailable?: OnUnavailable;
  /** Aborting stops waiting, releases the lease and stops what this run started. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Called whenever a component's readiness changes while waiting. */
  onProgress?: (components: readonly ComponentStatus[], elapsedMs: number) => void;
  /** Default: a lease bound to this process. */
  lease?: LeaseKind;
  /** Log lines per component in failure reports. Default 50. */
  logLines?: number;
}

/** How long a partly running stack that is not ours may take to become whole. */
const FOREIGN_SETTLE_MS = 10_000;

type Plan =
  /** `settle`: partly up, not ours; wait briefly for it, else this is the reason. */
  | { kind: 'reuse'; statuses: ComponentStatus[]; settle: string | null }
  | { kind: 'unavailable'; reason: string; statuses: ComponentStatus[] }
  | { kind: 'join' | 'adopt'; ownerStartedAt: number; ready: boolean; statuses: ComponentStatus[] }
  | { kind: 'start'; started: Detached; owner: Ownership; adopted: boolean };

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
  if (!resolved.start) return ensureExternal(ctx);

  await prepareStateDir(resolved.stateDir);
  const lease = await newLease(options.lease);
  const plan = await withLock(resolved.stateDir, () => planUnderLock(ctx, lease), {
    ...(options.signal ? { signal: options.signal } : {}),
    onWait: (holder) =>
      ctx.logger.info(
        `Waiting for another run (pid ${holder.pid}) that is starting or stopping ${resolved.name}...`,
      ),
  });

  switch (plan.kind) {
    case 'unavailable':
      return finish(ctx, {
        outcome: 'unavailable',
        reason: plan.reason,
        components: plan.statuses,
        leaseId: null,
      });
    case 'reuse':
      if (plan.settle) return awaitForeign(ctx, lease, plan.settle);
      ctx.logger.info(
        `${resolved.name} is already running (not started by stigmer-e2e): reusing it; it will be left running.`,
      );
      return finish(ctx, { outcome: 'reused', components: plan.statuses, leaseId: lease.id });
    case 'start':
      return awaitStart(ctx, lease, plan.started, plan.owner, plan.adopted);
    default:
      return awaitOwner(ctx, lease, plan);
  }
}

interface Context {
  readonly profile: Profile;
  readonly logger: Logger;
  readonly policy: OnUnavailable;
  readonly timeoutMs: number;
  readonly options: EnsureOptions;
  readonly elapsed: () => number;
}

async function planUnderLock(ctx: Context, lease: Lease): Promise<Plan> {
  const { profile, logger } = ctx;
  const dir = profile.stateDir;
  const { state, warning } = await readState(dir);
  if (warning) logger.warn(warning);
  const [{ live, dead }, statuses] = await Promise.all([
    partitionLeases(state.leases),
    probeAll(profile.components),
  ]);
  if (dead.length > 0)
    logger.info(
      `Reaped ${dead.length} lease(s) whose holder died: ${dead.map((l) => l.label).join(', ')}.`,
    );
  const owner = state.owner;
  const starterAlive = owner?.process ? await isSameProcess(owner.process) : false;
  const decision = decide({ owner, liveLeases: live.length, starterAlive, statuses });

  switch (decision.kind) {
    case 'unavailable':
      await writeState(dir, { ...state, leases: live });
      return { kind: 'unavailable', reason: decision.reason, statuses };
    case 'reuse':
    case 'settle':
      await writeState(dir, { ...state, leases: [...live, lease] });
      return {
        kind: 'reuse',
        statuses,
        settle: decision.kind === 'settle' ? decision.reason : null,
      };
    case 'join': {
      logger.info(
        `${profile.name} was started by stigmer-e2e and is in use by ${live.length} other run(s): sharing it.`,
      );
      await writeState(dir, { ...state, leases: [...live, lease] });
      return {
        kind: 'join',
        ownerStartedAt: owner!.startedAt,
        ready: statuses.every((s) => !s.required || s.ready),
        statuses,
      };
    }
    case 'adopt': {
      logger.info(
        `${profile.name} was started by a run that ended without stopping it: adopting it (this run now owns it).`,
      );
      await writeState(dir, {
        ...state,
        owner: { ...owner!, leaseId: lease.id },
        leases: [...live, lease],
      });
      return {
        kind: 'adopt',
        ownerStartedAt: owner!.startedAt,
        ready: statuses.every((s) => !s.required || s.ready),
        statuses,
      };
    }
    case 'restart':
    case 'start': {
      const adopted = decision.kind === 'restart';
      if (adopted) {
        logger.info(
          `${profile.name} was started by a run that died and is no longer whole: stopping what is left, then starting it again.`,
        );
        const report = await stopStack(profile, owner!);
        for (const line of [...report.steps, ...report.problems]) logger.info(`  ${line}`);
      }
      logger.info(
        `${profile.name} is not running: starting it (\`${profile.start!.command.join(' ')}\`).`,
      );
      // Ownership is recorded before the start: a crash from here on is recovered by the next run.
      let record: Ownership = {
        leaseId: lease.id,
        phase: 'starting',
        mode: profile.start!.mode,
        startedAt: Date.now(),
        process: null,
        identity: [],
      };
      await writeState(dir, {
        ...state,
        owner: record,
        leases: [...live, lease],
        lastFailure: null,
      });
      let started: Detached;
      try {
        started = await launch(profile);
      } catch (error) {
        const reason = (error as Error).message;
        await writeState(dir, {
          ...state,
          owner: null,
          leases: live,
          lastFailure: { at: Date.now(), reason },
        });
        return { kind: 'unavailable', reason, statuses };
      }
      record = { ...record, process: started.process };
      await writeState(dir, {
        ...state,
        owner: record,
        leases: [...live, lease],
        lastFailure: null,
      });
      return { kind: 'start', started, owner: record, adopted };
    }
  }
}

/** This run started the stack: wait for it; on failure stop what we started and say why. */
async function awaitStart(
  ctx: Context,
  lease: Lease,
  started: Detached,
  owner: Ownership,
  adopted: boolean,
): Promise<ServerHandle> {
  const { profile } = ctx;
  const watching = new AbortController();
  const failure = watchStart(profile, started, watching.signal).catch(
    () => new Promise<string>(() => {}),
  );
  let result: WaitResult;
  try {
    result = await wait(ctx, failure);
  } catch (error) {
    await abandonStart(ctx, lease, owner, `aborted: ${(error as Error).message}`);
    throw error;
  } finally {
    watching.abort();
  }
  if (!result.ready) {
    const tails = await readLogTails(
      profileLogs(profile),
      ctx.options.logLines ?? DEFAULT_TAIL_LINES,
    );
    await abandonStart(ctx, lease, owner, result.reason);
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
  return finish(ctx, {
    outcome: adopted ? 'adopted' : 'started',
    components: result.components,
    leaseId: lease.id,
  });
}

/** A start that failed or was aborted: record why (runs waiting for it read it), stop what we started. */
async function abandonStart(
  ctx: Context,
  lease: Lease,
  owner: Ownership,
  reason: string,
): Promise<void> {
  const { profile, logger } = ctx;
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    const leases = state.leases.filter((l) => l.id !== lease.id);
    if (state.owner?.startedAt !== owner.startedAt) {
      await writeState(profile.stateDir, { ...state, leases });
      return;
    }
    logger.info(`Stopping what this run started of ${profile.name}: ${reason}`);
    const report = await stopStack(profile, state.owner);
    for (const line of [...report.steps, ...report.problems]) logger.info(`  ${line}`);
    await writeState(profile.stateDir, {
      ...state,
      owner: null,
      leases,
      lastFailure: { at: Date.now(), reason },
    });
  });
}

/** Another run started the stack (joined), or its owner died (adopted): wait for readiness. */
async function awaitOwner(
  ctx: Context,
  lease: Lease,
  plan: Extract<Plan, { kind: 'join' | 'adopt' }>,
): Promise<ServerHandle> {
  const outcome: Outcome = plan.kind === 'join' ? 'joined' : 'adopted';
  if (plan.ready) return finish(ctx, { outcome, components: plan.statuses, leaseId: lease.id });
  ctx.logger.info(`${ctx.profile.name} is being started by another run: waiting for it.`);
  const watching = new AbortController();
  const failure = watchOwner(ctx.profile.stateDir, plan.ownerStartedAt, watching.signal).catch(
    () => new Promise<string>(() => {}),
  );
  let result: WaitResult;
  try {
    result = await wait(ctx, failure);
  } catch (error) {
    await releaseLease(ctx.profile, lease.id, ctx.logger);
    throw error;
  } finally {
    watching.abort();
  }
  if (result.ready)
    return finish(ctx, { outcome, components: result.components, leaseId: lease.id });
  const tails = await readLogTails(
    profileLogs(ctx.profile),
    ctx.options.logLines ?? DEFAULT_TAIL_LINES,
  );
  await releaseLease(ctx.profile, lease.id, ctx.logger);
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
async function awaitForeign(ctx: Context, lease: Lease, reason: string): Promise<ServerHandle> {
  const settleMs = Math.min(ctx.timeoutMs, FOREIGN_SETTLE_MS);
  ctx.logger.info(
    `${ctx.profile.name} is partly running (not started by stigmer-e2e): waiting up to ${formatSeconds(settleMs)} for it.`,
  );
  let result: WaitResult;
  try {
    result = await wait({ ...ctx, timeoutMs: settleMs }, new Promise<string>(() => {}));
  } catch (error) {
    await releaseLease(ctx.profile, lease.id, ctx.logger);
    throw error;
  }
  if (result.ready)
    return finish(ctx, { outcome: 'reused', components: result.components, leaseId: lease.id });
  await releaseLease(ctx.profile, lease.id, ctx.logger);
  const still = `${reason} It did not become whole within ${formatSeconds(settleMs)}.`;
  return finish(ctx, {
    outcome: 'unavailable',
    reason: still,
    components: result.components,
    leaseId: null,
  });
}

/** Resolves with a reason when the run that started the stack gave up on it (its ownership is gone). */
async function watchOwner(dir: string, startedAt: number, signal: AbortSignal): Promise<string> {
  for (;;) {
    await sleep(200, signal);
    const { state } = await readState(dir);
    if (state.owner?.startedAt !== startedAt) {
      return state.lastFailure
        ? `the run that was starting it gave up: ${state.lastFailure.reason}`
        : 'the run that was starting it stopped it';
    }
  }
}

function wait(ctx: Context, failure: Promise<string>): Promise<WaitResult> {
  return waitReady(ctx.profile.components, {
    timeoutMs: ctx.timeoutMs,
    failure,
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
    ...(ctx.options.onProgress ? { onProgress: ctx.options.onProgress } : {}),
  });
}

async function ensureExternal(ctx: Context): Promise<ServerHandle> {
  const result = await wait(ctx, new Promise<string>(() => {}));
  return result.ready
    ? finish(ctx, { outcome: 'external', components: result.components, leaseId: null })
    : finish(ctx, {
        outcome: 'unavailable',
        reason: `external stack not ready: ${result.reason}`,
        components: result.components,
        leaseId: null,
      });
}

interface Result {
  outcome: Outcome;
  reason?: string;
  components: readonly ComponentStatus[];
  leaseId: string | null;
  logTails?: LogTail[];
}

function finish(ctx: Context, result: Result): ServerHandle {
  const { profile } = ctx;
  const available = result.outcome !== 'unavailable';
  const snapshot: HandleSnapshot = {
    profile: profile.name,
    available,
    owned: result.outcome === 'started' || result.outcome === 'adopted',
    reused: result.outcome !== 'started' && available,
    outcome: result.outcome,
    reason: result.reason ?? null,
    leaseId: result.leaseId,
    components: result.components,
    env: { ...profile.env },
    logTails: result.logTails ?? [],
    elapsedMs: ctx.elapsed(),
    stateDir: profile.start ? profile.stateDir : null,
  };
  if (!available && ctx.policy === 'fail') {
    throw new ServerUnavailableError(describeUnavailable(snapshot), snapshot);
  }
  let releasing: Promise<ReleaseResult> | undefined;
  return {
    ...snapshot,
    snapshot: () => snapshot,
    release: () => {
      releasing ??= result.leaseId
        ? releaseLease(profile, result.leaseId, ctx.logger)
        : Promise.resolve({ released: false, stop: null, remaining: 0 });
      return releasing;
    },
  };
}

/** The full story of an unavailable stack: the reason, each component, each log's last lines. */
export function describeUnavailable(snapshot: HandleSnapshot): string {
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Components:\n${formatComponents(snapshot.components)}`,
  ];
  if (snapshot.logTails.length > 0)
    parts.push(`Last log lines:\n${formatLogTails(snapshot.logTails)}`);
  return parts.join('\n\n');
}
