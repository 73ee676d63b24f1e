/**
 * The part of ensure that runs under the state dir's lock: read the state, reap dead leases,
 * probe, decide, record, and (for a start) record ownership and the launch id first, then
 * launch. Never waits for readiness: that happens after the lock is released.
 */
import { parseAddress } from '../probe/address.js';
import { type ComponentStatus, probeAll } from '../probe/component-status.js';
import { settingsMismatch } from '../probe/started-with.js';
import { connect } from '../probe/tcp.js';
import { isProvenDead, isSameProcess, type ProcessRef } from '../process/identity.js';
import { newLaunchId } from '../process/launch-id.js';
import { portOwner } from '../process/port-owner.js';
import type { Detached } from '../process/spawn-detached.js';
import { componentPidFile } from '../profile/profile.js';
import { spawnWatchdog } from '../programs/spawn-watchdog.js';
import { newLease, partitionLeases } from '../state/leases.js';
import { withLock } from '../state/lock.js';
import type { Lease, Ownership, State } from '../state/state.js';
import { prepareStateDir, readState, writeState } from '../state/state-file.js';
import { formatCommand } from '../util/format-command.js';
import type { Context } from './context.js';
import { type Decision, decide } from './decide.js';
import { launch } from './launch.js';
import { stopStack } from './stop.js';

export interface Planned {
  readonly decision: Decision;
  /** The lease this run holds (none when unavailable). */
  readonly lease: Lease | null;
  /** The ownership as recorded after planning (ours after a start or an adoption). */
  readonly owner: Ownership | null;
  readonly statuses: ComponentStatus[];
  /** Every required component answered ready at planning time. */
  readonly ready: boolean;
  /** The start this run launched just now. */
  readonly launched: Detached | null;
}

/**
 * Plans under the lock. `leaseId`: continue with this lease (resuming, or planning again);
 * `settled`: a settle wait has shown that nobody is completing a partial stack.
 */
export async function plan(
  ctx: Context,
  leaseId: string | undefined,
  settled = false,
): Promise<Planned> {
  await prepareStateDir(ctx.profile.stateDir);
  return withLock(ctx.profile.stateDir, () => planUnderLock(ctx, leaseId, settled), {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onWait: (holder) =>
      ctx.logger.info(
        `Waiting for another run (pid ${holder.pid}) that is starting or stopping ${ctx.profile.name}...`,
      ),
  });
}

async function planUnderLock(
  ctx: Context,
  leaseId: string | undefined,
  settled: boolean,
): Promise<Planned> {
  const { profile, logger } = ctx;
  const dir = profile.stateDir;
  const { state, warning } = await readState(dir);
  if (warning) logger.warn(warning);
  const [{ live, dead }, statuses] = await Promise.all([
    partitionLeases(state.leases),
    probeAll(profile.components, { spareOptional: true }),
  ]);
  if (dead.length > 0)
    logger.info(
      `Reaped ${dead.length} lease(s) whose holder died: ${dead.map((l) => l.label).join(', ')}.`,
    );
  const ready = statuses.every((s) => !s.required || s.ready);
  const lease = leaseId ? (live.find((l) => l.id === leaseId) ?? null) : await newLease(ctx.lease);
  const others = live.filter((l) => l.id !== lease?.id);
  const done = async (
    decision: Decision,
    held: Lease | null,
    next: Partial<State> = {},
    launched: Detached | null = null,
  ): Promise<Planned> => {
    const written = { ...state, leases: held ? [...others, held] : others, ...next };
    await writeState(dir, written);
    return { decision, lease: held, owner: written.owner, statuses, ready, launched };
  };
  if (!lease) {
    const reason = `lease ${leaseId} is gone (released, expired, or its holder died); ensure again without resuming`;
    return done({ kind: 'unavailable', reason }, null);
  }
  const owner = state.owner;
  // A starter that cannot be checked right now counts as alive: never restart under it.
  const starterAlive = owner?.process ? !(await isProvenDead(owner.process)) : false;
  const mismatch = ready && profile.startedWith ? ((await settingsMismatch(profile)) ?? []) : [];
  const decision = decide({
    owner,
    ownedByUs: owner?.leaseId === lease.id,
    liveLeases: others.length,
    starterAlive,
    statuses,
    mismatch,
    onMismatch: ctx.onMismatch,
    anchor: profile.components.find((c) => componentPidFile(c) !== null)?.name ?? null,
    toleratesLeftovers: profile.start?.toleratesLeftovers === true,
    settled,
  });
  switch (decision.kind) {
    case 'unavailable':
      return done(
        {
          kind: 'unavailable',
          reason: `${decision.reason}${await whoHolds(statuses.filter((s) => s.foreign))}`,
        },
        null,
      );
    case 'own':
    case 'reuse':
    case 'settle':
      return done(decision, lease);
    case 'join':
      logger.info(
        `${profile.name} was started by stigmer-e2e and is in use by ${others.length} other run(s): sharing it.`,
      );
      return done(decision, lease);
    case 'adopt':
      logger.info(
        `${profile.name} was started by a run that ended without stopping it: adopting it (this run now owns it).`,
      );
      return done(decision, lease, {
        owner: { ...owner!, leaseId: lease.id, watchdog: await ensureWatchdog(ctx, owner!) },
      });
    case 'restart':
    case 'start': {
      // A port that accepts while its component is not ready belongs to something else, or to
      // a stack someone is starting right now: starting ours would collide with it.
      const busy = decision.kind === 'start' ? await busyPorts(statuses) : [];
      if (busy.length > 0) {
        const reason =
          `${busy.map((s) => `${s.address} accepts connections but ${s.name} is not ready (${s.detail})`).join('; ')}. ` +
          'Something else holds the port, or someone is starting the stack: nothing was started.';
        return done(
          { kind: 'settle', reason: `${reason}${await whoHolds(busy)}`, thenStart: false },
          lease,
        );
      }
      if (decision.kind === 'restart') {
        logger.info(
          decision.why === 'broken'
            ? `${profile.name} was started by a run that died and is no longer whole: stopping what is left, then starting it again.`
            : `${profile.name} ran with other settings (${decision.mismatch.join('; ')}) and nobody else uses it: stopping it, then starting it again.`,
        );
        const report = await stopStack(profile, owner!);
        for (const line of [...report.steps, ...report.problems]) logger.info(`  ${line}`);
      }
      logger.info(
        settled
          ? `Nobody completed the partial ${profile.name} stack: starting it (${formatCommand(profile.start!.command)} copes with what is left).`
          : `${profile.name} is not running: starting it (${formatCommand(profile.start!.command)}).`,
      );
      // Ownership and the launch id are recorded before the launch: a run killed from here on
      // leaves what the next run needs to find and stop what it launched.
      const record: Ownership = {
        leaseId: lease.id,
        phase: 'starting',
        mode: profile.start!.mode,
        startedAt: Date.now(),
        launchId: newLaunchId(),
        process: null,
        identity: [],
      };
      await writeState(dir, {
        ...state,
        owner: record,
        leases: [...others, lease],
        lastFailure: null,
      });
      let launched: Detached;
      try {
        launched = await launch(profile, record.launchId!);
      } catch (error) {
        const reason = (error as Error).message;
        return done({ kind: 'unavailable', reason }, null, {
          owner: null,
          lastFailure: { at: Date.now(), reason },
        });
      }
      const owned = { ...record, process: launched.process };
      const withWatchdog = { ...owned, watchdog: await ensureWatchdog(ctx, owned) };
      return done(decision, lease, { owner: withWatchdog, lastFailure: null }, launched);
    }
  }
}

/** The owner's watchdog: the one already running, or a new one (unless the caller opted out). */
async function ensureWatchdog(ctx: Context, owner: Ownership): Promise<ProcessRef | null> {
  if (owner.watchdog && (await isSameProcess(owner.watchdog))) return owner.watchdog;
  if (!ctx.watchdog) return null;
  try {
    return await spawnWatchdog(ctx.profile, owner.startedAt);
  } catch (error) {
    ctx.logger.warn(`No watchdog for ${ctx.profile.name}: ${(error as Error).message}`);
    return null;
  }
}

/** Components that are not ready although something accepts connections on their address. */
async function busyPorts(statuses: readonly ComponentStatus[]): Promise<ComponentStatus[]> {
  const busy = await Promise.all(
    statuses.map(async (s) => {
      if (s.ready || !s.address) return false;
      try {
        const { socket } = await connect(parseAddress(s.address), 500);
        socket.destroy();
        return true;
      } catch {
        return false;
      }
    }),
  );
  return statuses.filter((_, i) => busy[i]);
}

/** " Port 7234 is held by pid 4242 (python -m http.server 7234)." for ports held by another program. */
async function whoHolds(statuses: readonly ComponentStatus[]): Promise<string> {
  const ports = statuses
    .filter((s) => s.address)
    .map((s) => Number(s.address!.slice(s.address!.lastIndexOf(':') + 1)));
  const owners = await Promise.all(
    ports.map(async (port) => [port, await portOwner(port)] as const),
  );
  return owners
    .map(([port, owner]) =>
      owner ? ` Port ${port} is held by pid ${owner.pid} (${owner.command}).` : '',
    )
    .join('');
}
