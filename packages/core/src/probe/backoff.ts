import type { ProbeSpec } from '../profile/spec.js';

/**
 * The longest pause between two probes of one component, by what a probe costs: a connect or a
 * file read (~0.2 ms of CPU) may run 100 times a second; an HTTP request or a gRPC call (a new
 * HTTP/2 session each) 50 times; a probe that spawns a process 4 times.
 */
const CAP_MS = { connect: 10, request: 20, spawn: 250 } as const;

/**
 * Delay before probe attempt `attempt` (0-based): 0, 2, 4, 8, then the cap. The first attempts
 * come within a few ms, and a component that becomes ready is seen at most one cap later
 * (Playwright's schedule, 100/250/500/1000 ms, adds up to a second).
 */
export function backoffDelay(attempt: number, probe: ProbeSpec): number {
  return attempt === 0 ? 0 : Math.min(CAP_MS[probeCost(probe)], 2 ** attempt);
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
