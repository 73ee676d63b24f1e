/**
 * Is the running stack the one this profile asks for? A profile may say which environment its
 * stack must have been started with (the Stigmer profile: the LLM provider and model); the
 * running component's own environment says how it was started.
 */
import { readPidFile } from '../probe/pid-file.js';
import { processEnv } from '../process/process-env.js';
import { componentPidFile, type Profile } from '../profile/profile.js';

/** The differences, in words; [] when it matches; null when it cannot be told (not Linux, no pid file). */
export async function settingsMismatch(profile: Profile): Promise<string[] | null> {
  const want = profile.startedWith;
  if (!want) return [];
  const component = profile.components.find((c) => c.name === want.component);
  const file = component ? componentPidFile(component) : null;
  const read = file ? await readPidFile(file) : null;
  if (read?.kind !== 'alive') return null;
  const env = await processEnv(read.process.pid);
  if (!env) return null;
  return Object.entries(want.env).flatMap(([name, value]) => {
    const actual = env[name];
    if (actual === value) return [];
    const now = actual === undefined ? 'not set (it uses its config file)' : `"${actual}"`;
    return [`${name} is ${now} in the running ${want.component}, wanted "${value}"`];
  });
}
