import { runBounded } from '../process/run-bounded.js';
import { formatCommand } from '../util/format-command.js';
import type { ProbeResult } from './probe-result.js';

/** Ready when the command exits 0. Run as argv (never a shell), stdin closed, bounded in time. */
export async function probeCommand(
  argv: readonly string[],
  timeoutMs: number,
): Promise<ProbeResult> {
  const result = await runBounded(argv, { timeoutMs });
  const shown = formatCommand(argv).slice(1, -1);
  if (result.timedOut)
    return { ready: false, detail: `\`${shown}\` timed out after ${timeoutMs} ms` };
  if (result.exitCode === 0) return { ready: true, detail: `\`${shown}\` exited 0` };
  if (result.spawnError)
    return { ready: false, detail: `\`${shown}\` could not run: ${result.spawnError}` };
  const last = result.all.trim().split('\n').at(-1)?.slice(0, 200);
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { ready: false, detail: `\`${shown}\` ${how}${last ? `: ${last}` : ''}` };
}
