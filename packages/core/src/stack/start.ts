/**
 * Launching a stack (the part of a start that happens under the lock), and telling at once when
 * a start has failed. A daemon's start command runs under the exit recorder, which writes how it
 * ended to the state dir, so that even a process that did not launch it (an Action's main after
 * its pre) learns of a failure at once.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readPidFile } from '../probe/pid-file.js';
import { isProvenDead } from '../process/identity.js';
import { programPath } from '../process/program-path.js';
import { cannotStart, type Detached, spawnDetached } from '../process/spawn-detached.js';
import { commandEnv, componentPidFile, type Profile } from '../profile/profile.js';
import type { Ownership } from '../state/state.js';
import { formatCommand } from '../util/format-command.js';
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

const statusFile = (profile: Profile) => path.join(profile.stateDir, 'start-status.json');

export async function launch(profile: Profile): Promise<Detached> {
  const start = profile.start!;
  const options = { cwd: start.cwd, env: commandEnv(profile), logFile: startLogFile(profile) };
  if (start.mode === 'process') return spawnDetached(start.command, options);
  await rm(statusFile(profile), { force: true });
  const recorder = programPath('exit-recorder');
  return spawnDetached(
    [process.execPath, recorder, statusFile(profile), ...start.command],
    options,
  );
}

interface StartStatus {
  code: number | null;
  signal: string | null;
  /** The command could not be run at all (ENOENT, EACCES). */
  error?: string;
}

async function readStartStatus(profile: Profile): Promise<StartStatus | null> {
  try {
    return JSON.parse(await readFile(statusFile(profile), 'utf8')) as StartStatus;
  } catch {
    return null;
  }
}

/** The start command could not be run at all (not found, not executable): nothing of the stack started. */
export async function startNeverRan(profile: Profile): Promise<boolean> {
  return profile.start?.mode === 'daemon' && Boolean((await readStartStatus(profile))?.error);
}

/** Why a finished start command means failure, or null when it succeeded. */
function failedStart(profile: Profile, status: StartStatus): string | null {
  const start = profile.start!;
  if (status.error) return cannotStart(start.command, status.error, start.cwd);
  if (status.code === 0) return null;
  const how = status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
  return `the start command ${formatCommand(start.command)} ${how}`;
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
  const exit = await started.exited;
  if (profile.start!.mode === 'process') {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    return `the server process ${formatCommand(profile.start!.command)} ${how} before it was ready`;
  }
  const failed = failedStart(profile, (await readStartStatus(profile)) ?? exit);
  return failed ?? watchComponents(profile, signal);
}

/** As `watchStart`, for a start launched by an earlier process: from the recorded status. */
export async function watchRecordedStart(
  profile: Profile,
  owner: Ownership,
  signal: AbortSignal,
): Promise<string> {
  const shown = formatCommand(profile.start!.command);
  for (;;) {
    const alive = owner.process ? !(await isProvenDead(owner.process)) : false;
    if (owner.mode === 'process') {
      if (!alive) return `the server process ${shown} exited before it was ready`;
    } else {
      const status = await readStartStatus(profile);
      if (status) return failedStart(profile, status) ?? watchComponents(profile, signal);
      if (!alive) return `the start command ${shown} ended without recording how (was it killed?)`;
    }
    await sleep(100, signal);
  }
}

/** After a successful start command: resolves when a component's pid file names a dead process. */
async function watchComponents(profile: Profile, signal: AbortSignal): Promise<string> {
  for (;;) {
    for (const component of profile.components) {
      const file = componentPidFile(component);
      const read = file ? await readPidFile(file) : null;
      if (read?.kind === 'dead')
        return `${component.name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
    }
    await sleep(100, signal);
  }
}
