import type { ProcessRef } from '../process/identity.js';
import { sampleUsage, type UsageSummary } from '../process/usage.js';
import type { Profile } from '../profile/profile.js';
import { readState } from '../state/state-file.js';
import { readIdentity } from './identity.js';

/**
 * Starts sampling the stack's processes while this run holds its lease: those its pid files
 * name, and the server we started in process mode. `stop()` gives the summary (null when none
 * could be sampled, e.g. on Windows or without pid files).
 */
export function watchUsage(profile: Profile): { stop(): Promise<UsageSummary | null> } {
  const sampler = (async () => {
    const targets: Array<{ name: string } & ProcessRef> = (await readIdentity(profile)).map(
      (e) => ({ name: e.component, pid: e.pid, startTime: e.startTime }),
    );
    const { state } = await readState(profile.stateDir, { repair: false });
    if (state.owner?.mode === 'process' && state.owner.process)
      targets.push({ name: 'server', ...state.owner.process });
    return sampleUsage(targets);
  })();
  return {
    stop: async () => (await sampler.catch(() => null))?.stop() ?? null,
  };
}
