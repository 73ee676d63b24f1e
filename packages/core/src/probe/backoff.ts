import type { ProbeSpec } from '../profile/spec.js';

/**
 * The longest pause between two probes of one component, by what a probe costs: a connect or a
 * file read (~0.2-0.8 ms of CPU with Node's overhead) 20 times a second; an HTTP request or a
 * gRPC call (a new HTTP/2 session each) 10 times; a probe that spawns a process 4 times. What
 * keeps the wait short is not the poll but the activity a starting stack shows (its logs, its
 * pid files: see activity.ts), which cuts a pause short; the poll keeps a wait of minutes under
 * 2% of a core (measured in bench/: 100 connects a second cost 8%).
 */
const CAP_MS = { connect: 50, request: 100, spawn: 250 } as const;

/**
 * Delay before probe attempt `attempt` (0-based): 0, 2, 4, 8, 16, 32, then the cap. The first attempts
 * come within a few ms, and a component that becomes ready is seen at most one cap later
 * (Playwright's schedule, 100/250/500/1000 ms, adds up to a second).
 */
export function backoffDelay(attempt: number, probe: ProbeSpec): number {
  return attempt === 0 ? 0 : Math.min(CAP_MS[probeCost(probe)], 2 ** attempt);
}

/**
 * The shortest pause when activity (a log written, a pid file appearing) cuts the wait short:
 * a log written line by line would otherwise probe once per line. A connect is cheap enough to
 * run at the first sign (writes during a probe do not queue another: only a pause listens).
 */
const WAKE_FLOOR_MS = { connect: 0, request: 2, spawn: 50 } as const;

export function wakeFloor(probe: ProbeSpec): number {
  return WAKE_FLOOR_MS[probeCost(probe)];
}

/** What one attempt of a probe costs: a connect or file read, a request, or a process spawned. */
export function probeCost(probe: ProbeSpec): keyof typeof CAP_MS {
  if ('command' in probe || 'docker' in probe) return 'spawn';
  if ('http' in probe || 'grpc' in probe) return 'request';
  if ('anyOf' in probe) {
    const costs = probe.anyOf.map(probeCost);
    return costs.includes('spawn') ? 'spawn' : costs.includes('request') ? 'request' : 'connect';
  }
  return 'connect';
}
