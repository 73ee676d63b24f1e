/**
 * The part of ensure that runs under the state dir's lock: read state, reap dead leases, probe,
 * decide, record, and (for a start) record ownership first, then launch. Never waits for
 * readiness: that happens after the lock is released.
 */

import { parseAddress } from '../probe/address.js';
import { type ComponentStatus, probeAll } from '../probe/component-status.js';
import { connect } from '../probe/tcp.js';
import { isProvenDead, isSameProcess, type ProcessRef } from '../process/identity.js';
import { portOwner } from '../process/port-owner.js';
import type { Detached } from '../process/spawn-detached.js';
import { newLease, partitionLeases } from '../state/leases.js';
import type { Lease, Ownership, State } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';
import { formatCommand } from '../util/format-command.js';
import type { Context } from './context.js';
import { decide } from './decide.js';
import { spawnWatchdog } from './spawn-watchdog.js';
import { launch } from './start.js';
import { stopStack } from './stop.js';

export type Plan =
  /** `settle`: partly up, not ours; wait briefly for it, else this is the reason. */
  | { kind: 'reuse'; settle: string | null }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'join' | 'adopt'; ownerStartedAt: number }
  | { kind: 'start'; started: Detached; owner: Ownership; adopted: boolean }
  /** Resuming a lease that owns a stack it started earlier (e.g. an Action's pre). */
  | { kind: 'own'; owner: Ownership };

export interface Planned {
  readonly plan: Plan;
  /** The lease this run holds (none when unavailable). */
  readonly lease: Lease | null;
  readonly statuses: ComponentStatus[];
  /** Every required component answered ready at planning time. */
  readonly ready: boolean;
}

export async function planUnderLock(ctx: Context): Promise<Planned> {
  const { profile, logger, options } = ctx;
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
  const ready = statuses.every((s) => !s.required || s.ready);
  const lease = options.resume
    ? (live.find((l) => l.id === options.resume) ?? null)
    : await newLease(options.lease);
  const others = live.filter((l) => l.id !== lease?.id);
  const done = async (
    plan: Plan,
    held: Lease | null,
    next: Partial<State> = {},
  ): Promise<Planned> => {
    await writeState(dir, { ...state, leases: held ? [...others, held] : others, ...next });
    return { plan, lease: held, statuses, ready };
  };
  if (!lease) {
    const reason = `lease ${options.resume} is gone (released, expired, or its holder died); ensure again without resuming`;
    return done({ kind: 'unavailable', reason }, null);
  }
  const owner = state.owner;
  if (owner && owner.leaseId === lease.id) return done({ kind: 'own', owner }, lease);

  const starterAlive = owner?.process ? !(await isProvenDead(owner.process)) : false;
  const decision = decide({ owner, liveLeases: others.length, starterAlive, statuses });
  switch (decision.kind) {
    case 'unavailable':
      return done(
        {
          kind: 'unavailable',
          reason: `${decision.reason}${await whoHolds(statuses.filter((s) => s.foreign))}`,
        },
        null,
      );
    case 'reuse':
    case 'settle':
      return done(
        { kind: 'reuse', settle: decision.kind === 'settle' ? decision.reason : null },
        lease,
      );
    case 'join':
      logger.info(
        `${profile.name} was started by stigmer-e2e and is in use by ${others.length} other run(s): sharing it.`,
      );
      return done({ kind: 'join', ownerStartedAt: owner!.startedAt }, lease);
    case 'adopt':
      logger.info(
        `${profile.name} was started by a run that ended without stopping it: adopting it (this run now owns it).`,
      );
      return done({ kind: 'adopt', ownerStartedAt: owner!.startedAt }, lease, {
        owner: { ...owner!, leaseId: lease.id, watchdog: await ensureWatchdog(ctx, owner!) },
      });
    case 'restart':
    case 'start': {
      const adopted = decision.kind === 'restart';
      // A port that accepts while its component is not ready belongs to something else, or to
      // a stack someone is starting right now: starting ours would collide with it.
      const busy = adopted ? [] : await busyPorts(statuses);
      if (busy.length > 0) {
        const reason =
          `${busy.map((s) => `${s.address} accepts connections but ${s.name} is not ready (${s.detail})`).join('; ')}. ` +
          'Something else holds the port, or someone is starting the stack: nothing was started.';
        return done({ kind: 'reuse', settle: `${reason}${await whoHolds(busy)}` }, lease);
      }
      if (adopted) {
        logger.info(
          `${profile.name} was started by a run that died and is no longer whole: stopping what is left, then starting it again.`,
        );
        const report = await stopStack(profile, owner!);
        for (const line of [...report.steps, ...report.problems]) logger.info(`  ${line}`);
      }
      logger.info(
        `${profile.name} is not running: starting it (${formatCommand(profile.start!.command)}).`,
      );
      // Ownership is recorded before the start: a crash from here on is recovered by the next run.
      const record: Ownership = {
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
        leases: [...others, lease],
        lastFailure: null,
      });
      let started: Detached;
      try {
        started = await launch(profile);
      } catch (error) {
        const reason = (error as Error).message;
        return done({ kind: 'unavailable', reason }, null, {
          owner: null,
          lastFailure: { at: Date.now(), reason },
        });
      }
      const owned = { ...record, process: started.process };
      const withWatchdog = { ...owned, watchdog: await ensureWatchdog(ctx, owned) };
      return done({ kind: 'start', started, owner: withWatchdog, adopted }, lease, {
        owner: withWatchdog,
        lastFailure: null,
      });
    }
  }
}

/** The owner's watchdog: the one already running, or a new one (unless the caller opted out). */
async function ensureWatchdog(ctx: Context, owner: Ownership): Promise<ProcessRef | null> {
  if (owner.watchdog && (await isSameProcess(owner.watchdog))) return owner.watchdog;
  if (ctx.options.watchdog === false) return null;
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
