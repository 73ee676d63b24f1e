import { readFileSync } from 'node:fs';

/** The last `count` lines of a file (all when count is 0); null when the file does not exist. */
export function tailLines(path: string, count: number): string[] | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return count > 0 ? lines.slice(-count) : lines;
}
