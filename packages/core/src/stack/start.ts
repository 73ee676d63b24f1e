/** Launching a stack: the part of a start that happens under the lock. */
import path from 'node:path';
import { readPidFile } from '../probe/pid-file.js';
import { isSameProcess } from '../process/identity.js';
import { type Detached, spawnDetached } from '../process/spawn-detached.js';
import { commandEnv, componentPidFile, type Profile } from '../profile/profile.js';
import type { Ownership } from '../state/state.js';
import { sleep } from '../util/sleep.js';

/** Where a start command's output goes (daemon mode) or the server's own output (process mode). */
export function startLogFile(profile: Profile): string {
  return path.join(
    profile.stateDir,
    'logs',
    profile.start?.mode === 'process' ? 'server.log' : 'start.log',
  );
}

/** Every log worth showing for this profile: our start log first, then each component's. */
export function profileLogs(profile: Profile): Record<string, readonly string[]> {
  if (!profile.start) return { ...profile.logs };
  const own = profile.start.mode === 'process' ? 'server' : 'start command';
  return { [own]: [startLogFile(profile)], ...profile.logs };
}

export function launch(profile: Profile): Promise<Detached> {
  const start = profile.start!;
  return spawnDetached(start.command, {
    cwd: start.cwd,
    env: commandEnv(profile),
    logFile: startLogFile(profile),
  });
}

/**
 * Resolves with a reason as soon as waiting for readiness is pointless: the server exited
 * (process mode), the start command failed, or, once it succeeded, a component's pid file names
 * a dead process (daemon mode). Stops watching when `signal` aborts.
 */
export async function watchStart(
  profile: Profile,
  started: Detached,
  signal: AbortSignal,
): Promise<string> {
  const shown = `\`${profile.start!.command.join(' ')}\``;
  const exit = await started.exited;
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  if (profile.start!.mode === 'process')
    return `the server process ${shown} ${how} before it was ready`;
  if (exit.code !== 0) return `the start command ${shown} ${how}`;
  for (;;) {
    const dead = await deadComponent(profile);
    if (dead) return dead;
    await sleep(100, signal);
  }
}

/**
 * After a daemon's start command ended, how long nothing of the stack may answer before the
 * start counts as failed. Generous: some start commands return before their server listens.
 */
const SILENT_AFTER_START_MS = 10_000;

/**
 * As `watchStart`, for a start launched by an earlier process (an Action's pre): its exit code
 * is not ours to see. A process-mode server that is gone, a component whose pid file names a
 * dead process, or a start command that ended while nothing of the stack answers, means failure.
 */
export async function watchRecordedStart(
  profile: Profile,
  owner: Ownership,
  signal: AbortSignal,
  anythingUp: () => Promise<boolean>,
): Promise<string> {
  const shown = `\`${profile.start!.command.join(' ')}\``;
  let endedAt: number | null = null;
  for (;;) {
    const alive = owner.process ? await isSameProcess(owner.process) : false;
    if (!alive) {
      if (owner.mode === 'process') return `the server process ${shown} exited before it was ready`;
      endedAt ??= Date.now();
      const dead = await deadComponent(profile);
      if (dead) return dead;
      if (Date.now() - endedAt > SILENT_AFTER_START_MS && !(await anythingUp())) {
        return `the start command ${shown} ended and nothing of the stack answers (see the start command's log)`;
      }
    }
    await sleep(100, signal);
  }
}

/** A component whose pid file names a dead process, described; null when none. */
async function deadComponent(profile: Profile): Promise<string | null> {
  for (const component of profile.components) {
    const file = componentPidFile(component);
    if (!file) continue;
    const read = await readPidFile(file);
    if (read.kind === 'dead')
      return `${component.name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
  }
  return null;
}
