/** The last lines of each component's log: shown whenever a stack fails to become ready. */
import { open } from 'node:fs/promises';
import { redact } from '../util/redact.js';

export interface LogTail {
  readonly component: string;
  readonly file: string;
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

export async function readLogTails(
  logs: Readonly<Record<string, readonly string[]>>,
  lines: number = DEFAULT_TAIL_LINES,
): Promise<LogTail[]> {
  const entries = Object.entries(logs).flatMap(([component, files]) =>
    files.map((file) => ({ component, file })),
  );
  return Promise.all(
    entries.map(async ({ component, file }) => {
      const tail = await tailFile(file, lines);
      return { component, file, ...tail };
    }),
  );
}

/** Human form, secrets masked; files that do not exist are named, not hidden. */
export function formatLogTails(tails: readonly LogTail[]): string {
  return tails
    .map((t) => {
      const head = `--- ${t.component}: ${t.file}`;
      if (t.missing) return `${head} (no such file)`;
      if (t.lines.length === 0) return `${head} (empty)`;
      return `${head} (last ${t.lines.length} lines)\n${t.lines.map((l) => `  ${redact(l)}`).join('\n')}`;
    })
    .join('\n');
}
