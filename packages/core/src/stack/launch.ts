/**
 * Launching a stack (under the lock), and what its start command left behind. A daemon's start
 * command runs under the exit recorder, which writes how it ended to the state dir, so that even
 * a process that did not launch it (an Action's main after its pre) learns of a failure at once.
 * Every launch carries a launch id in its environment: the proof, later, of what is ours.
 */
import path from 'node:path';
import { LAUNCH_ID_ENV } from '../process/launch-id.js';
import { programPath } from '../process/program-path.js';
import { cannotStart, type Detached, spawnDetached } from '../process/spawn-detached.js';
import { commandEnv, type Profile } from '../profile/profile.js';
import type { LogSource, StartSpec } from '../profile/spec.js';
import { formatCommand } from '../util/format-command.js';
import { readSmallFile, removeSmallFile } from '../util/small-file.js';

/** Where a start command's output goes (daemon mode) or the server's own output (process mode). */
export function startLogFile(profile: Profile): string {
  return path.join(
    profile.stateDir,
    'logs',
    profile.start?.mode === 'process' ? 'server.log' : 'start.log',
  );
}

/** Every log worth showing for this profile: our start log first, then each component's. */
export function profileLogs(profile: Profile): Record<string, readonly LogSource[]> {
  if (!profile.start) return { ...profile.logs };
  const own = profile.start.mode === 'process' ? 'server' : 'start command';
  return { [own]: [startLogFile(profile)], ...profile.logs };
}

const statusFile = (profile: Profile) => path.join(profile.stateDir, 'start-status.json');

export function launch(profile: Profile, launchId: string): Promise<Detached> {
  const start = profile.start!;
  const options = {
    cwd: start.cwd,
    env: { ...commandEnv(profile), [LAUNCH_ID_ENV]: launchId },
    logFile: startLogFile(profile),
    notFound: start.notFound,
  };
  if (start.mode === 'process') return spawnDetached(start.command, options);
  removeSmallFile(statusFile(profile));
  const recorder = programPath('exit-recorder');
  return spawnDetached(
    [process.execPath, recorder, statusFile(profile), ...start.command],
    options,
  );
}

export interface StartStatus {
  readonly code: number | null;
  readonly signal: string | null;
  /** The command could not be run at all (ENOENT, EACCES). */
  readonly error?: string;
}

/** How the daemon's start command ended, or null while it runs (or in process mode). */
export function readStartStatus(profile: Profile): StartStatus | null {
  try {
    const text = readSmallFile(statusFile(profile));
    return text === null ? null : (JSON.parse(text) as StartStatus);
  } catch {
    return null;
  }
}

/** The start command could not be run at all (not found, not executable): nothing of the stack started. */
export function startNeverRan(profile: Profile): boolean {
  return profile.start?.mode === 'daemon' && Boolean(readStartStatus(profile)?.error);
}

/** Why a finished start command means failure, or null when it succeeded. */
export function failedStart(profile: Profile, status: StartStatus): string | null {
  const start = profile.start!;
  if (status.error) return cannotStart(start.command, status.error, start.cwd, start.notFound);
  if (status.code === 0) return null;
  const how = status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
  return `the start command ${formatCommand(start.command)} ${how}`;
}

/** The failure the profile knows that a failed start's output shows, if any. */
export function knownFailure(
  profile: Profile,
  tails: ReadonlyArray<{ lines: readonly string[] }>,
): NonNullable<StartSpec['knownFailures']>[number] | undefined {
  const text = tails.flatMap((t) => t.lines).join('\n');
  return profile.start?.knownFailures?.find((f) => new RegExp(f.match).test(text));
}
