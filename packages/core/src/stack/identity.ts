import { readPidFile } from '../probe/pid-file.js';
import { componentPidFile, type Profile } from '../profile/profile.js';
import type { IdentityEntry } from '../state/state.js';

/**
 * The live processes the components' pid files name now. Recorded when we start a stack (its
 * identity), and compared at stop time: different processes mean someone restarted it.
 */
export async function readIdentity(profile: Profile): Promise<IdentityEntry[]> {
  const entries = await Promise.all(
    profile.components.map(async (component) => {
      const file = componentPidFile(component);
      const read = file ? await readPidFile(file) : null;
      return read?.kind === 'alive' ? { component: component.name, ...read.process } : null;
    }),
  );
  return entries.filter((e): e is IdentityEntry => e !== null);
}
