import type { ProcessRef } from '../process/identity.js';
import { lifetimeUsage, sampleUsage, type UsageSummary } from '../process/usage.js';
import type { Profile } from '../profile/profile.js';
import { pidFileProcesses } from '../stack/identity.js';
import { readState } from '../state/state-file.js';

/** A lease held for less than this gets no usage report: too short to mean anything. */
const FIRST_SAMPLE_MS = 500;

/**
 * Samples the stack's processes while this run holds its lease: those its pid files name, and
 * the server we started in process mode. Sampling begins after half a second, so that a short run
 * (`stigmer-e2e run -- true`, the warm path) pays nothing. `stop()` gives the summary (null
 * when the lease was too short, or nothing could be sampled, e.g. on Windows).
 */
export function watchUsage(profile: Profile): { stop(): Promise<UsageSummary | null> } {
  let sampler: Promise<{ stop(): Promise<UsageSummary | null> }> | null = null;
  const begin = setTimeout(() => {
    sampler = (async () => {
      const identity = await pidFileProcesses(profile);
      const targets: Array<{ name: string } & ProcessRef> = identity.map((e) => ({
        name: e.component,
        pid: e.pid,
        startTime: e.startTime,
      }));
      const { state } = await readState(profile.stateDir, { repair: false });
      if (state.owner?.mode === 'process' && state.owner.process)
        targets.push({ name: 'server', ...state.owner.process });
      return sampleUsage(targets);
    })();
  }, FIRST_SAMPLE_MS);
  begin.unref();
  return {
    stop: async () => {
      clearTimeout(begin);
      const started = sampler as Promise<{ stop(): Promise<UsageSummary | null> }> | null;
      return started ? ((await started.catch(() => null))?.stop() ?? null) : null;
    },
  };
}

/**
 * The stack's usage over its processes' lives, read now (Linux): peak memory per process and in
 * all, average CPU since each started. Null when nothing can be read.
 */
export async function stackUsage(profile: Profile): Promise<UsageSummary | null> {
  const targets = (await pidFileProcesses(profile)).map((e) => ({ name: e.component, pid: e.pid }));
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
