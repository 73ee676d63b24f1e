/**
 * The watchdog: when core starts a stack, a small detached process watches its leases and stops
 * the stack once every holder has died without releasing (a SIGKILLed test run, a Ctrl-C'd Vitest
 * whose teardown never ran). The Ryuk idea, without Docker. It exits as soon as the ownership it
 * watches is gone (released, stopped, or replaced).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRef } from '../process/identity.js';
import { programPath } from '../process/program-path.js';
import { spawnDetached } from '../process/spawn-detached.js';
import type { Profile } from '../profile/profile.js';
import { type ProfileData, profileFromData, profileToData } from '../profile/profile-data.js';

const PROFILE_FILE = 'profile.json';

/** The watchdog's copy of the profile. */
function writeProfileCopy(profile: Profile): Promise<void> {
  return writeFile(
    path.join(profile.stateDir, PROFILE_FILE),
    JSON.stringify(profileToData(profile)),
    {
      mode: 0o600,
    },
  );
}

/** The profile the watchdog of `stateDir` watches. */
export async function readProfileCopy(stateDir: string): Promise<Profile> {
  return profileFromData(
    JSON.parse(await readFile(path.join(stateDir, PROFILE_FILE), 'utf8')) as ProfileData,
  );
}

/** Starts the watchdog of the stack started at `startedAt`. Only the owner calls this, under the lock. */
export async function spawnWatchdog(profile: Profile, startedAt: number): Promise<ProcessRef> {
  await writeProfileCopy(profile);
  const { process } = await spawnDetached(
    [globalThis.process.execPath, programPath('watchdog'), profile.stateDir, String(startedAt)],
    {
      env: globalThis.process.env,
      logFile: path.join(profile.stateDir, 'logs', 'watchdog.log'),
    },
  );
  return process;
}
