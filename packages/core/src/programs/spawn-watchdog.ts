/**
 * The watchdog: when core starts a stack, a small detached process watches its leases and stops
 * the stack once every holder has died without releasing (a SIGKILLed test run, a Ctrl-C'd Vitest
 * whose teardown never ran). The Ryuk idea, without Docker. It exits as soon as the ownership it
 * watches is gone (released, stopped, or replaced).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRef } from '../process/identity.js';
import { programPath } from '../process/program-path.js';
import { spawnDetached } from '../process/spawn-detached.js';
import type { Profile } from '../profile/profile.js';

export const PROFILE_FILE = 'profile.json';

/** Starts the watchdog of the stack started at `startedAt`. Only the owner calls this, under the lock. */
export async function spawnWatchdog(profile: Profile, startedAt: number): Promise<ProcessRef> {
  await writeFile(path.join(profile.stateDir, PROFILE_FILE), JSON.stringify(profile), {
    mode: 0o600,
  });
  const { process } = await spawnDetached(
    [globalThis.process.execPath, programPath('watchdog'), profile.stateDir, String(startedAt)],
    {
      env: globalThis.process.env,
      logFile: path.join(profile.stateDir, 'logs', 'watchdog.log'),
    },
  );
  return process;
}
