/**
 * CPU and memory of a set of processes, sampled while a lease is held: peak and average, for the
 * closing lines of a run. Linux reads /proc (a few small files per second: far under 1% CPU);
 * macOS asks `ps` once per sample; elsewhere nothing is sampled.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { ProcessRef } from './identity.js';

const run = promisify(execFile);
/** Linux clock ticks per second (USER_HZ): 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

export interface ProcessSample {
  /** Resident memory, bytes. */
  readonly rss: number;
  /** CPU time used so far (user + system), ms. */
  readonly cpuMs: number;
}

async function sampleProcess(pid: number): Promise<ProcessSample | null> {
  try {
    if (process.platform === 'linux') {
      // Synchronous on purpose: two tiny /proc reads take microseconds, less than the promise
      // machinery around an async read (this runs every second for a whole test run).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return { rss: rssKiB * 1024, cpuMs };
    }
    if (process.platform === 'darwin') {
      const { stdout } = await run('ps', ['-o', 'rss=,time=', '-p', String(pid)], {
        timeout: 5_000,
        killSignal: 'SIGKILL',
      });
      const [rss, time] = stdout.trim().split(/\s+/);
      if (!rss || !time) return null;
      const [minutes, seconds] = time.split(':').map(Number);
      return { rss: Number(rss) * 1024, cpuMs: ((minutes ?? 0) * 60 + (seconds ?? 0)) * 1000 };
    }
  } catch {
    // gone, or not ours to read
  }
  return null;
}

export interface ProcessUsage {
  readonly name: string;
  readonly pid: number;
  readonly peakRssMiB: number;
  readonly avgRssMiB: number;
  readonly avgCpuPercent: number;
  readonly peakCpuPercent: number;
}

export interface UsageSummary {
  /** Each sampled process, by name (a component, or "server"). */
  readonly processes: readonly ProcessUsage[];
  /** All of them together: the peak of their summed memory, the sum of their average CPU. */
  readonly total: { readonly peakRssMiB: number; readonly avgCpuPercent: number };
  readonly samples: number;
  readonly durationMs: number;
}

const SAMPLE_MS = 1_000;
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const pct = (value: number) => Math.round(value * 10) / 10;

interface Point {
  readonly at: number;
  readonly rss: number;
  readonly cpuMs: number;
}

function summarize(name: string, pid: number, points: readonly Point[]): ProcessUsage {
  const rates = points
    .slice(1)
    .map((p, k) => ((p.cpuMs - points[k]!.cpuMs) / Math.max(1, p.at - points[k]!.at)) * 100);
  const span = points.at(-1)!.at - points[0]!.at;
  return {
    name,
    pid,
    peakRssMiB: mib(Math.max(...points.map((p) => p.rss))),
    avgRssMiB: mib(points.reduce((n, p) => n + p.rss, 0) / points.length),
    avgCpuPercent: pct(((points.at(-1)!.cpuMs - points[0]!.cpuMs) / Math.max(1, span)) * 100),
    peakCpuPercent: pct(Math.max(0, ...rates)),
  };
}

/** Samples `targets` every second until `stop()`; the timer never keeps the process alive. */
export function sampleUsage(targets: ReadonlyArray<{ name: string } & ProcessRef>): {
  stop(): Promise<UsageSummary | null>;
} {
  const started = performance.now();
  const series = targets.map(() => [] as Point[]);
  const summedRss: number[] = [];
  const take = async () => {
    const at = performance.now();
    const samples = await Promise.all(targets.map((t) => sampleProcess(t.pid)));
    samples.forEach((s, i) => {
      if (s) series[i]!.push({ at, ...s });
    });
    summedRss.push(samples.reduce((n, s) => n + (s?.rss ?? 0), 0));
  };
  const first = take();
  const timer = setInterval(() => void take(), SAMPLE_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await take();
      const processes = targets.flatMap((t, i) =>
        series[i]!.length >= 2 ? [summarize(t.name, t.pid, series[i]!)] : [],
      );
      if (processes.length === 0) return null;
      return {
        processes,
        total: {
          peakRssMiB: mib(Math.max(...summedRss)),
          avgCpuPercent: pct(processes.reduce((n, p) => n + p.avgCpuPercent, 0)),
        },
        samples: summedRss.length,
        durationMs: Math.round(performance.now() - started),
      };
    },
  };
}

/**
 * A process's usage over its whole life, from one read (Linux): its peak resident memory
 * (VmHWM, kept by the kernel) and its average CPU since it started. For reports made by a
 * process that was not there to sample (an Action's post).
 */
export function lifetimeUsage(name: string, pid: number): ProcessUsage | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const lifeSeconds = Math.max(0.001, uptime - Number(fields[19]) / TICKS_PER_SECOND);
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      name,
      pid,
      peakRssMiB: mib(kib('VmHWM') * 1024),
      avgRssMiB: mib(kib('VmRSS') * 1024),
      avgCpuPercent: pct((cpuSeconds / lifeSeconds) * 100),
      peakCpuPercent: pct((cpuSeconds / lifeSeconds) * 100),
    };
  } catch {
    return null;
  }
}
