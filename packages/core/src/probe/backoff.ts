import type { ProbeSpec } from '../profile/spec.js';

/** Cheap probes (a connect, a file read) are retried fast; ones that spawn a process are not. */
const CAP_MS = { cheap: 20, spawning: 250 } as const;

/**
 * Delay before probe attempt `attempt` (0-based): 0, 2, 4, 8, 16, then the cap. The first
 * attempts come within a few ms, and a component that becomes ready is seen at most one cap
 * later (Playwright's schedule, 100/250/500/1000 ms, adds up to a second).
 */
export function backoffDelay(attempt: number, probe: ProbeSpec): number {
  const cap = spawnsProcess(probe) ? CAP_MS.spawning : CAP_MS.cheap;
  return attempt === 0 ? 0 : Math.min(cap, 2 ** attempt);
}

function spawnsProcess(probe: ProbeSpec): boolean {
  if ('command' in probe || 'docker' in probe) return true;
  return 'anyOf' in probe && probe.anyOf.some(spawnsProcess);
}
