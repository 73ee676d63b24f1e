/**
 * What a start in progress tells a run that waits for it: `returned` once a daemon's start
 * command has exited 0 (`pg_ctl start -w` returns once PostgreSQL accepts queries, so its port
 * opening earlier means nothing yet), and `failure` with a reason as soon as waiting is pointless:
 * the server exited (process mode), the start command failed, or, after it returned, a
 * component's pid file names a dead process.
 */
import { statSync } from 'node:fs';
import { readPidFile } from '../probe/pid-file.js';
import { isSameProcess } from '../process/identity.js';
import type { Detached } from '../process/spawn-detached.js';
import { componentPidFile, type Profile } from '../profile/profile.js';
import { isLeaseAlive } from '../state/leases.js';
import type { Ownership } from '../state/state.js';
import { readState } from '../state/state-file.js';
import { formatCommand } from '../util/format-command.js';
import { pollUntil } from '../util/poll.js';
import { failedStart, readStartStatus } from './launch.js';

export interface StartWatch {
  /** Resolves when the start command has returned successfully (at once in process mode). */
  readonly returned: Promise<void>;
  /** Resolves with a reason when the start has failed; never settles otherwise. */
  readonly failure: Promise<string>;
}

const NEVER = new Promise<never>(() => {});

/**
 * Watches the start recorded in `owner`. `launched` is given when this process launched it:
 * its exit is then seen at once instead of at the next poll.
 */
export function watchStart(
  profile: Profile,
  owner: Ownership,
  signal: AbortSignal,
  launched?: Detached,
): StartWatch {
  const shown = formatCommand(profile.start!.command);
  // A launcher never recorded (its run was killed right after launching) cannot be watched:
  // then only the probes and the timeout tell.
  const launcherGone = async () => owner.process !== null && !(await isSameProcess(owner.process));
  if (owner.mode === 'process') {
    const failure = launched
      ? launched.exited.then(({ code, signal: killed }) => {
          const how = killed ? `was killed by ${killed}` : `exited with code ${code}`;
          return `the server process ${shown} ${how} before it was ready`;
        })
      : pollUntil(async () => ((await launcherGone()) ? true : undefined), { signal }).then(
          () => `the server process ${shown} exited before it was ready`,
        );
    return { returned: Promise.resolve(), failure: failure.catch(() => NEVER) };
  }
  let onReturned: () => void = () => {};
  const returned = new Promise<void>((resolve) => {
    onReturned = resolve;
  });
  const failure = (async () => {
    const outcome = await pollUntil(
      async () => {
        const status = readStartStatus(profile);
        if (status) return failedStart(profile, status) ?? 'returned';
        return (await launcherGone())
          ? `the start command ${shown} ended without recording how (was it killed?)`
          : undefined;
      },
      { signal, ...(launched ? { wake: launched.exited } : {}) },
    );
    if (outcome !== 'returned') return outcome;
    onReturned();
    return componentDied(profile, owner.startedAt, signal);
  })();
  const awaited = profile.start!.awaitExit !== false;
  return { returned: awaited ? returned : Promise.resolve(), failure: failure.catch(() => NEVER) };
}

/**
 * After a successful start command: resolves when a required component's pid file, written since
 * the launch (an older one is stale, not news), names a dead process.
 */
function componentDied(profile: Profile, since: number, signal: AbortSignal): Promise<string> {
  return pollUntil(
    async () => {
      for (const component of profile.components.filter((c) => c.required)) {
        const file = componentPidFile(component);
        if (!file || modifiedAt(file) < since) continue;
        const read = await readPidFile(file);
        if (read?.kind === 'dead')
          return `${component.name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
      }
      return undefined;
    },
    { signal },
  );
}

function modifiedAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The run that was starting the stack died mid-start: plan again (adopt or restart it). */
export const REPLAN = Symbol('replan');

/**
 * Resolves with a reason when the run that is starting the stack gave up on it (its ownership is
 * gone), or REPLAN when that run died mid-start (its lease is dead): then nobody else would ever
 * notice that the start failed.
 */
export function watchOwner(
  profile: Profile,
  owner: Ownership,
  signal: AbortSignal,
): Promise<string | typeof REPLAN> {
  return pollUntil(
    async () => {
      const { state } = await readState(profile.stateDir, { repair: false });
      if (state.owner?.startedAt !== owner.startedAt)
        return state.lastFailure
          ? `the run that was starting it gave up: ${state.lastFailure.reason}`
          : 'the run that was starting it stopped it';
      const ownerLease = state.leases.find((l) => l.id === state.owner!.leaseId);
      if (state.owner.phase === 'starting' && !(ownerLease && (await isLeaseAlive(ownerLease))))
        return REPLAN;
      return undefined;
    },
    { signal, capMs: 200 },
  );
}
