/** The last lines of each component's log: shown whenever a stack fails to become ready. */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import type { LogSource } from '../profile/spec.js';
import { formatCommand } from '../util/format-command.js';
import { redact } from '../util/redact.js';

export interface LogTail {
  readonly component: string;
  /** The file, or the command (`docker logs ...`) whose output is the log. */
  readonly file: string;
  readonly source: 'file' | 'command';
  /** Last lines, oldest first; empty when the file is missing or empty. */
  readonly lines: readonly string[];
  readonly missing: boolean;
}

export const DEFAULT_TAIL_LINES = 50;
/** Enough for 50 long lines; reading the whole of a big log would be slow and useless. */
const TAIL_BYTES = 64 * 1024;

export async function tailFile(
  file: string,
  lines: number,
): Promise<{ lines: string[]; missing: boolean }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    const all = text.split(/\r?\n/);
    if (all.at(-1) === '') all.pop();
    if (size > length) all.shift(); // first line is probably cut
    return { lines: all.slice(-lines), missing: false };
  } catch {
    return { lines: [], missing: true };
  } finally {
    await handle?.close();
  }
}

/** A log command may not take longer than this (a `docker logs` of a hung daemon). */
const LOG_COMMAND_TIMEOUT_MS = 5_000;

/** The last lines a log command prints (stdout and stderr, as `docker logs` splits them). */
function tailCommand(
  argv: readonly string[],
  lines: number,
): Promise<{ lines: string[]; missing: boolean }> {
  const [file, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: LOG_COMMAND_TIMEOUT_MS, maxBuffer: TAIL_BYTES * 4, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const all = `${stdout}${stderr}`.split(/\r?\n/);
        if (all.at(-1) === '') all.pop();
        resolve({ lines: all.slice(-lines), missing: Boolean(error) && all.length === 0 });
      },
    );
  });
}

export async function readLogTails(
  logs: Readonly<Record<string, readonly LogSource[]>>,
  lines: number = DEFAULT_TAIL_LINES,
): Promise<LogTail[]> {
  const entries = Object.entries(logs).flatMap(([component, sources]) =>
    sources.map((source) => ({ component, source })),
  );
  return Promise.all(
    entries.map(async ({ component, source }) => {
      if (typeof source === 'string')
        return {
          component,
          file: source,
          source: 'file' as const,
          ...(await tailFile(source, lines)),
        };
      return {
        component,
        file: formatCommand(source.command),
        source: 'command' as const,
        ...(await tailCommand(source.command, lines)),
      };
    }),
  );
}

/** Human form, secrets masked; files that do not exist are named, not hidden. */
export function formatLogTails(tails: readonly LogTail[]): string {
  return tails
    .map((t) => {
      const head = `--- ${t.component}: ${t.file}`;
      if (t.missing)
        return `${head} (${t.source === 'file' ? 'no such file' : 'the command failed'})`;
      if (t.lines.length === 0) return `${head} (empty)`;
      return `${head} (last ${t.lines.length} lines)\n${t.lines.map((l) => `  ${redact(l)}`).join('\n')}`;
    })
    .join('\n');
}
