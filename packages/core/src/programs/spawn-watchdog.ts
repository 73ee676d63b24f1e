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
import { type Profile, sealProfile } from '../profile/profile.js';

const PROFILE_FILE = 'profile.json';

type StartEnv = Readonly<Record<string, string | null | undefined>> | undefined;

/** Each variable of a start env, with `to` for the ones the profile unsets. */
const mapUnset = (env: StartEnv, to: null | undefined) =>
  env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? to]));

/**
 * The watchdog's copy of the profile. JSON leaves out a variable set to undefined (one the
 * profile unsets, as stigmer() unsets TEMPORAL_SERVICE_ADDRESS): it is written as null and read
 * back as undefined, so the watchdog's stop command runs without it too.
 */
function writeProfileCopy(profile: Profile): Promise<void> {
  const start = profile.start && { ...profile.start, env: mapUnset(profile.start.env, null) };
  return writeFile(
    path.join(profile.stateDir, PROFILE_FILE),
    JSON.stringify({ ...profile, start }),
    {
      mode: 0o600,
    },
  );
}

/** The profile the watchdog of `stateDir` watches. */
export async function readProfileCopy(stateDir: string): Promise<Profile> {
  const copy = JSON.parse(await readFile(path.join(stateDir, PROFILE_FILE), 'utf8')) as Profile;
  const env = mapUnset(copy.start?.env, undefined) as Record<string, string | undefined>;
  return sealProfile({ ...copy, start: copy.start && { ...copy.start, env } });
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
