import type { ProcessRef } from '../process/identity.js';
import { lifetimeUsage, sampleUsage, type UsageSummary } from '../process/usage.js';
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

/**
 * The stack's usage over its processes' lives, read now (Linux): peak memory per process and in
 * all, average CPU since each started. Null when nothing can be read.
 */
export async function stackUsage(profile: Profile): Promise<UsageSummary | null> {
  const targets = (await readIdentity(profile)).map((e) => ({ name: e.component, pid: e.pid }));
  const { state } = await readState(profile.stateDir, { repair: false });
  if (state.owner?.mode === 'process' && state.owner.process)
    targets.push({ name: 'server', pid: state.owner.process.pid });
  const processes = targets.map((t) => lifetimeUsage(t.name, t.pid)).filter((u) => u !== null);
  if (processes.length === 0) return null;
  return {
    processes,
    // Each process's own peak, summed: an upper bound of the stack's peak (they need not coincide).
    total: {
      peakRssMiB: Math.round(processes.reduce((n, p) => n + p.peakRssMiB, 0) * 10) / 10,
      avgCpuPercent: Math.round(processes.reduce((n, p) => n + p.avgCpuPercent, 0) * 10) / 10,
    },
    samples: 1,
    durationMs: 0,
  };
}
