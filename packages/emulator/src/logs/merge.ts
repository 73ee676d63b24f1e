import { readFileSync } from 'node:fs';
import { runCommand } from '../process/run-command.js';
import { type LogLine, parseLogLine } from './log-line.js';

/** A component's log source for `logs --all`: a file, or a Docker container. */
export type LogSource = { name: string; file: string } | { name: string; container: string };

/**
 * merger.go `MergeLogFilesWithPreferences`: per source the last lines (up to twice `tail`, as
 * its buffer keeps), sorted by timestamp, then the last `tail` of the whole (0: all).
 */
export async function mergeLogs(sources: readonly LogSource[], tail: number): Promise<LogLine[]> {
  const all: LogLine[] = [];
  for (const source of sources) {
    let lines: string[];
    if ('container' in source) {
      const args =
        tail > 0 ? ['logs', '--tail', String(tail), source.container] : ['logs', source.container];
      const result = await runCommand('docker', args);
      if (result.code !== 0) {
        throw new Error(
          `failed to read ${source.name} Docker logs: failed to read Docker logs: exit status ${result.code}`,
        );
      }
      lines = splitLines(result.stdout + result.stderr);
    } else {
      let text: string;
      try {
        text = readFileSync(source.file, 'utf8');
      } catch {
        continue; // missing files are skipped
      }
      lines = tail > 0 ? tailBuffer(splitLines(text), tail) : splitLines(text);
    }
    all.push(...lines.map((line) => parseLogLine(line, source.name)));
  }
  all.sort((a, b) => a.time - b.time);
  return tail > 0 && all.length > tail ? all.slice(-tail) : all;
}

/** merger.go's buffer: grows to 2 x tail, then drops to the last `tail`; so tail..2 x tail remain. */
function tailBuffer(lines: readonly string[], tail: number): string[] {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length > tail * 2) buffer = buffer.slice(buffer.length - tail);
  }
  return buffer;
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
