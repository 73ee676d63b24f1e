import { readFileSync } from 'node:fs';
import type { ProcessRef } from '../process/identity.js';
import { processesCarrying } from '../process/launch-id.js';
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
    sampler = (async () => sampleUsage(await usageTargets(profile)))();
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
  const targets = await usageTargets(profile);
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

/**
 * The stack's processes, once each: those its pid files name, the server we started (process
 * mode), and every process our launch started (its launch id), named by its command (Temporal,
 * which has no pid file of its own that can be trusted).
 */
async function usageTargets(profile: Profile): Promise<Array<{ name: string } & ProcessRef>> {
  const { state } = await readState(profile.stateDir, { repair: false });
  const named = (await pidFileProcesses(profile)).map((e) => ({
    name: e.component,
    pid: e.pid,
    startTime: e.startTime,
  }));
  const server =
    state.owner?.mode === 'process' && state.owner.process
      ? [{ name: 'server', ...state.owner.process }]
      : [];
  const launched = state.owner?.launchId ? await processesCarrying(state.owner.launchId) : [];
  const seen = new Set<number>();
  return [
    ...named,
    ...server,
    ...launched.map((ref) => ({ name: commandName(ref.pid), ...ref })),
  ].filter((t) => !seen.has(t.pid) && seen.add(t.pid));
}

function commandName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() || `pid ${pid}`;
  } catch {
    return `pid ${pid}`;
  }
}
