/**
 * The one wait: after planning, wait until the stack is ready, then hand out the handle; or, when
 * it does not become ready, show each log's last lines, clean up what is this run's to clean
 * (stop and disown a start we own, or drop our lease) and hand out an unavailable handle. What a
 * wait watches depends only on who starts the stack: this run (its launch or a recorded one), or
 * another run, or nobody (a stack that is not ours, settling).
 */
import { watchActivity } from '../probe/activity.js';
import { type ComponentStatus, describeNotReady } from '../probe/component-status.js';
import { settingsMismatch } from '../probe/started-with.js';
import { type WaitResult, waitReady } from '../probe/wait-ready.js';
import { runBounded } from '../process/run-bounded.js';
import { commandEnv, componentPidFile, type Profile } from '../profile/profile.js';
import { readLogTails } from '../report/log-tail.js';
import { formatSeconds } from '../report/words.js';
import { withLock } from '../state/lock.js';
import type { Lease, Ownership, Timeline } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';
import { formatCommand } from '../util/format-command.js';
import type { Context } from './context.js';
import { outcomeOf, refuseMismatch } from './decide.js';
import { makeHandle, type ServerHandle } from './handle.js';
import { recordIdentity } from './identity.js';
import { knownFailure, profileLogs, startLogFile, startNeverRan } from './launch.js';
import type { Planned } from './plan.js';
import { releaseLease } from './release.js';
import { REPLAN, watchOwner, watchStart } from './start-watch.js';
import { stopAndDisown } from './stop.js';

/** How long a partly running stack that is not ours may take to become whole. */
const FOREIGN_SETTLE_MS = 10_000;

/** Waits for the planned stack; REPLAN when the run this one was waiting for died. */
export async function awaitPlanned(
  ctx: Context,
  planned: Planned,
): Promise<ServerHandle | typeof REPLAN> {
  const { decision, lease, statuses, ready } = planned;
  const outcome = outcomeOf(decision);
  if (decision.kind === 'unavailable' || !lease)
    return makeHandle(ctx, {
      outcome: 'unavailable',
      reason: decision.kind === 'unavailable' ? decision.reason : 'no lease',
      components: statuses,
      leaseId: null,
    });
  const mismatch = 'mismatch' in decision && decision.kind !== 'restart' ? decision.mismatch : [];
  warnMismatch(ctx, mismatch);
  const available = { outcome, components: statuses, leaseId: lease.id, mismatch };
  if (decision.kind === 'reuse') {
    ctx.logger.info(
      `${ctx.profile.name} is already running (not started by stigmer-e2e): reusing it; it will be left running.`,
    );
    return makeHandle(ctx, available);
  }
  const owned = decision.kind !== 'join' && decision.kind !== 'settle';
  // A start we own must also see its start command return; a stack already whole is done.
  if (ready && (!owned || planned.owner?.phase === 'running')) return makeHandle(ctx, available);
  if (!ctx.wait) {
    const reason = `not waited for (wait: false); resume with ensureServer(profile, { resume: '${lease.id}' })`;
    return makeHandle(ctx, { ...available, pending: !ready, reason: ready ? undefined : reason });
  }
  if (decision.kind === 'settle') return awaitSettle(ctx, lease, decision);
  if (decision.kind === 'join') return awaitOthersStart(ctx, lease, planned.owner!);
  return awaitOwnStart(ctx, lease, planned);
}

/** A start this run owns: its own launch, an adopted one, or one an earlier process of ours launched. */
async function awaitOwnStart(
  ctx: Context,
  lease: Lease,
  planned: Planned,
): Promise<ServerHandle | typeof REPLAN> {
  const { profile } = ctx;
  const owner = planned.owner!;
  const watching = new AbortController();
  const start = watchStart(profile, owner, watching.signal, planned.launched ?? undefined);
  let result: WaitResult;
  try {
    result = await waitFor(ctx, { failure: start.failure, gate: start.returned });
  } catch (error) {
    await abandonStart(ctx, lease, owner, `aborted: ${(error as Error).message}`, true);
    throw error;
  } finally {
    watching.abort();
  }
  if (!result.ready) {
    // A start command that could not run at all started nothing: no stop to run, no component
    // logs to show (they would only be "no such file"), just our own start log.
    const neverRan = startNeverRan(profile);
    const logs = neverRan ? { 'start command': [startLogFile(profile)] } : profileLogs(profile);
    const logTails = await readLogTails(logs, ctx.logLines);
    const known = knownFailure(profile, logTails);
    const reason = known ? `${known.reason} (${result.reason})` : result.reason;
    const fix = known?.fix && !ctx.fixesTried.has(known.match) ? known.fix : null;
    await abandonStart(ctx, lease, owner, reason, !neverRan, fix !== null);
    if (fix) {
      ctx.fixesTried.add(known!.match);
      const fixed = await runFix(ctx, fix);
      if (fixed === null) return REPLAN; // fixed: start it again, with the same lease
      await releaseLease(profile, lease.id, { logger: ctx.logger });
      return makeHandle(ctx, {
        outcome: 'unavailable',
        reason: `${reason}; ${fix.doing} failed: ${fixed}`,
        components: result.components,
        leaseId: null,
        logTails,
      });
    }
    return makeHandle(ctx, {
      outcome: 'unavailable',
      reason,
      components: result.components,
      leaseId: null,
      logTails,
    });
  }
  const timeline: Timeline = {
    launchedAt: owner.startedAt,
    returnedAt: result.readyTimes.gate,
    components: result.readyTimes.components,
    readyAt: Date.now(),
  };
  await recordIdentity(profile, owner, timeline);
  ctx.logger.info(
    `${profile.name} is ready after ${formatSeconds(ctx.elapsed())} (started by this run; stopped when the last run using it is done).`,
  );
  return makeHandle(ctx, {
    outcome: outcomeOf(planned.decision),
    components: result.components,
    leaseId: lease.id,
    timeline,
  });
}

/** Another run is starting the stack: wait for it, share it; plan again if that run dies. */
async function awaitOthersStart(
  ctx: Context,
  lease: Lease,
  owner: Ownership,
): Promise<ServerHandle | typeof REPLAN> {
  ctx.logger.info(`${ctx.profile.name} is being started by another run: waiting for it.`);
  const watching = new AbortController();
  const start = watchStart(ctx.profile, owner, watching.signal);
  let starterDied = false;
  const failure = watchOwner(ctx.profile, owner, watching.signal).then((why) => {
    starterDied = why === REPLAN;
    return why === REPLAN ? 'the run starting it died' : why;
  });
  const result = await waitOrRelease(ctx, lease, () =>
    waitFor(ctx, { failure, gate: start.returned }),
  ).finally(() => watching.abort());
  if (result.ready) {
    ctx.logger.info(
      `${ctx.profile.name} is ready after ${formatSeconds(ctx.elapsed())} (started by another run; shared with it).`,
    );
    return sharedHandle(ctx, lease, 'joined', result.components);
  }
  if (starterDied) {
    ctx.logger.info(`The run that was starting ${ctx.profile.name} died: taking over.`);
    return REPLAN;
  }
  const logTails = await readLogTails(profileLogs(ctx.profile), ctx.logLines);
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  return makeHandle(ctx, {
    outcome: 'unavailable',
    reason: result.reason,
    components: result.components,
    leaseId: null,
    logTails,
  });
}

/**
 * A stack we did not start is partly up: someone may be starting it. Wait for it a little,
 * touching nothing; if it does not become whole, it is unavailable for the reason given.
 */
async function awaitSettle(
  ctx: Context,
  lease: Lease,
  { reason, thenStart }: { reason: string; thenStart: boolean },
): Promise<ServerHandle | typeof REPLAN> {
  const settleMs = Math.min(ctx.timeoutMs, FOREIGN_SETTLE_MS);
  ctx.logger.info(
    `${ctx.profile.name} is partly running (not started by stigmer-e2e): waiting up to ${formatSeconds(settleMs)} for it.`,
  );
  const result = await waitOrRelease(ctx, lease, () => waitFor(ctx, {}, settleMs));
  if (result.ready) return sharedHandle(ctx, lease, 'reused', result.components);
  if (thenStart) return REPLAN; // nobody is completing it: plan again, to start it
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  // The reason says what was found; the wait's last probes say what is still wrong.
  const still = `${reason} After ${formatSeconds(settleMs)}, still not ready: ${describeNotReady(result.components)}.`;
  return makeHandle(ctx, {
    outcome: 'unavailable',
    reason: still,
    components: result.components,
    leaseId: null,
  });
}

/** An external stack: only probed, no lease, never started or stopped. */
export async function awaitExternal(ctx: Context): Promise<ServerHandle> {
  const result = await waitFor(ctx, {});
  return result.ready
    ? makeHandle(ctx, { outcome: 'external', components: result.components, leaseId: null })
    : makeHandle(ctx, {
        outcome: 'unavailable',
        reason: `external stack not ready: ${result.reason}`,
        components: result.components,
        leaseId: null,
      });
}

/**
 * A stack this run did not start became ready while it waited: its settings are checked now, by
 * the same rule `decide` applies to one found ready.
 */
async function sharedHandle(
  ctx: Context,
  lease: Lease,
  outcome: 'joined' | 'reused',
  components: readonly ComponentStatus[],
): Promise<ServerHandle> {
  const mismatch = ctx.profile.startedWith ? ((await settingsMismatch(ctx.profile)) ?? []) : [];
  const refused = refuseMismatch(mismatch, ctx.onMismatch);
  if (refused) {
    await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
    return makeHandle(ctx, {
      outcome: 'unavailable',
      reason: refused,
      components,
      leaseId: null,
      mismatch,
    });
  }
  warnMismatch(ctx, mismatch);
  return makeHandle(ctx, { outcome, components, leaseId: lease.id, mismatch });
}

function warnMismatch(ctx: Context, mismatch: readonly string[]): void {
  if (mismatch.length > 0)
    ctx.logger.warn(
      `${ctx.profile.name} is running with other settings: ${mismatch.join('; ')}. Using it anyway (onMismatch: 'reuse').`,
    );
}

async function waitFor(
  ctx: Context,
  { failure, gate }: { failure?: Promise<string>; gate?: Promise<void> },
  timeoutMs = ctx.timeoutMs,
): Promise<WaitResult> {
  const activity = watchActivity(signsOfLife(ctx.profile));
  try {
    return await waitReady(ctx.profile.components, {
      timeoutMs,
      activity,
      ...(failure ? { failure } : {}),
      ...(gate ? { gate } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    });
  } finally {
    activity.close();
  }
}

/** The files a starting stack writes as it comes up: its logs and its components' pid files. */
function signsOfLife(profile: Profile): string[] {
  const logs = Object.values(profileLogs(profile)).flat();
  return [
    ...logs.filter((source): source is string => typeof source === 'string'),
    ...profile.components.map(componentPidFile).filter((file): file is string => file !== null),
  ];
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

/**
 * Runs a known failure's fix (a model pull), its output shown as progress. Null when it
 * succeeded, else what went wrong.
 */
async function runFix(
  ctx: Context,
  fix: { command: string[]; doing: string; timeoutMs?: number },
): Promise<string | null> {
  const { profile, logger } = ctx;
  logger.info(
    `${profile.name}: ${fix.doing} (${formatCommand(fix.command)}), then starting it again.`,
  );
  const ran = await runBounded(fix.command, {
    timeoutMs: fix.timeoutMs ?? ctx.timeoutMs,
    cwd: profile.start?.cwd,
    env: commandEnv(profile),
    onLine: (line) => logger.info(`  ${line}`),
  });
  if (ran.exitCode === 0) return null;
  if (ran.timedOut) return `it did not finish in ${formatSeconds(fix.timeoutMs ?? ctx.timeoutMs)}`;
  return (
    ran.spawnError ??
    `it exited with code ${ran.exitCode}: ${ran.all.trim().split('\n').at(-1) ?? ''}`
  );
}

/**
 * A start that failed or was aborted: record why (runs waiting for it read it), stop what we
 * started. `keepLease`: the lease stays, to start again after a fix.
 */
async function abandonStart(
  ctx: Context,
  lease: Lease,
  owner: Ownership,
  reason: string,
  stop: boolean,
  keepLease = false,
): Promise<void> {
  const { profile, logger } = ctx;
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    const leases = keepLease ? state.leases : state.leases.filter((l) => l.id !== lease.id);
    if (state.owner?.startedAt !== owner.startedAt) {
      await writeState(profile.stateDir, { ...state, leases });
      return;
    }
    if (stop) logger.info(`Stopping what this run started of ${profile.name}: ${reason}`);
    await stopAndDisown(profile, state, state.owner, { leases, failure: reason, stop, logger });
  });
}
