import { describeUnavailable } from '../report/describe.js';
import { formatComponents } from '../report/format-components.js';
import type { HandleSnapshot, ReleaseResult } from '../stack/handle.js';
import { redact } from '../util/redact.js';

const HOW: Record<HandleSnapshot['outcome'], string> = {
  started: 'started by this run, which owns it',
  reused: 'already running, not started by stigmer-e2e: it will be left running',
  joined: 'started by another stigmer-e2e run: shared, the last run out stops it',
  adopted: 'left behind by a run that died: adopted, this run owns it',
  external: 'external stack, only probed',
  unavailable: 'unavailable',
};

export function formatHandle(handle: HandleSnapshot): string {
  if (!handle.available) return redact(describeUnavailable(handle));
  const env = Object.entries(handle.env).map(([k, v]) => `  ${k}=${v}`);
  return redact(
    [
      `✓ ${handle.profile} is available (${HOW[handle.outcome]}) after ${(handle.elapsedMs / 1000).toFixed(1)} s`,
      formatComponents(handle.components),
      ...(env.length > 0 ? ['Environment for tests:', ...env] : []),
    ].join('\n'),
  );
}

export function formatRelease(profile: string, result: ReleaseResult): string {
  if (!result.stop) {
    return result.remaining > 0
      ? `Lease released; ${profile} stays up for ${result.remaining} other run(s).`
      : `Lease released; ${profile} left running (not started by stigmer-e2e, or already stopped).`;
  }
  // The steps themselves were logged as they happened.
  const { stop } = result;
  if (!stop.stopped) return `${profile} left running: ${stop.steps.join('; ')}`;
  const took = `${(stop.durationMs / 1000).toFixed(1)} s`;
  return stop.problems.length === 0
    ? `${profile} stopped in ${took}.`
    : `${profile} stopped in ${took}, with problems: ${stop.problems.join('; ')}`;
}

/** "stigmer, while this run held it (12 s): peak 412 MiB, 3.1% CPU on average (...)" */
export function formatUsage(profile: string, usage: ReleaseResult['usage']): string | null {
  if (!usage) return null;
  const each = usage.processes
    .map((p) => `${p.name} ${p.peakRssMiB} MiB, ${p.avgCpuPercent}%`)
    .join('; ');
  return (
    `${profile}, while this run held it (${Math.round(usage.durationMs / 1000)} s): ` +
    `peak ${usage.total.peakRssMiB} MiB, ${usage.total.avgCpuPercent}% CPU on average (${each})`
  );
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
}
