import { formatCommand } from '../util/format-command.js';
import type { ProbeResult } from './probe-result.js';

/** Ready when the command exits 0. Run as argv (never a shell), stdin closed, bounded in time. */
export async function probeCommand(
  argv: readonly string[],
  timeoutMs: number,
): Promise<ProbeResult> {
  // execa is loaded only when a profile has a command probe: it costs ~100 ms to import.
  const { execa } = await import('execa');
  const [file, ...args] = argv as [string, ...string[]];
  const result = await execa(file, args, {
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
    all: true,
    forceKillAfterDelay: 1_000,
  });
  const shown = formatCommand(argv).slice(1, -1);
  if (result.exitCode === 0) return { ready: true, detail: `\`${shown}\` exited 0` };
  if (result.timedOut)
    return { ready: false, detail: `\`${shown}\` timed out after ${timeoutMs} ms` };
  if (result.failed && result.exitCode === undefined) {
    return {
      ready: false,
      detail: `\`${shown}\` could not run: ${result.shortMessage ?? result.message}`,
    };
  }
  const last = String(result.all ?? '')
    .trim()
    .split('\n')
    .at(-1)
    ?.slice(0, 200);
  return {
    ready: false,
    detail: `\`${shown}\` exited ${result.exitCode}${last ? `: ${last}` : ''}`,
  };
}
