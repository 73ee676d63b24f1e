/**
 * Which of the processes the components' pid files name are ours: those our launch started
 * (they carry its launch id) or that we recorded as such. A stale pid file naming another
 * program, or a stack a person restarted, is not ours and is never signalled. A process the stack
 * restarted itself (Stigmer's supervisor restarting workflow-runner) inherits the launch id, so it
 * is still ours.
 */
import { readPidFile } from '../probe/pid-file.js';
import { isSameProcess, type ProcessRef } from '../process/identity.js';
import { carriesLaunchId } from '../process/launch-id.js';
import { componentPidFile, type Profile } from '../profile/profile.js';
import { withLock } from '../state/lock.js';
import type { IdentityEntry, Ownership, Timeline } from '../state/state.js';
import { readState, writeState } from '../state/state-file.js';

export interface PidFileProcess extends IdentityEntry {
  readonly file: string;
}

/** The live processes the components' pid files name now. */
export async function pidFileProcesses(profile: Profile): Promise<PidFileProcess[]> {
  const entries = await Promise.all(
    profile.components.map(async (component) => {
      const file = componentPidFile(component);
      const read = file ? await readPidFile(file) : null;
      return read?.kind === 'alive'
        ? { component: component.name, file: file!, ...read.process }
        : null;
    }),
  );
  return entries.filter((e): e is PidFileProcess => e !== null);
}

/** True when `ref` is a process of the stack `owner` started. */
export async function isOurs(owner: Ownership, ref: ProcessRef): Promise<boolean> {
  if (owner.launchId && carriesLaunchId(ref.pid, owner.launchId) === true) return true;
  const recorded = owner.identity.find((e) => e.pid === ref.pid && e.startTime === ref.startTime);
  return recorded !== undefined && (await isSameProcess(recorded));
}

/** The pid-file processes now, split into ours and the others (each named, for the stop report). */
export async function sortPidFileProcesses(
  profile: Profile,
  owner: Ownership,
): Promise<{ ours: PidFileProcess[]; others: PidFileProcess[] }> {
  const all = await pidFileProcesses(profile);
  const mine = await Promise.all(all.map((p) => isOurs(owner, p)));
  return { ours: all.filter((_, i) => mine[i]), others: all.filter((_, i) => !mine[i]) };
}

/** "helper: pid 4242 (from /x/helper.pid) was not started by this run: left alone" */
export function leftAlone(process: PidFileProcess): string {
  return `${process.component}: pid ${process.pid} (from ${process.file}) was not started by this run: left alone`;
}

/**
 * Once ready: the processes the pid files name that are provably ours become the stack's
 * identity, and how the start went is kept.
 */
export async function recordIdentity(
  profile: Profile,
  owner: Ownership,
  timeline: Timeline,
): Promise<void> {
  const named = await pidFileProcesses(profile);
  const mine = await Promise.all(named.map((p) => isOurs(owner, p)));
  const identity = named
    .filter((_, i) => mine[i])
    .map(({ component, pid, startTime }) => ({ component, pid, startTime }));
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    if (state.owner?.startedAt === owner.startedAt)
      await writeState(profile.stateDir, {
        ...state,
        owner: { ...state.owner, phase: 'running', identity, timeline },
      });
  });
}
