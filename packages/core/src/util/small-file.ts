/**
 * The small local files read and written on every ensure and release (state, lock, pid files,
 * /proc/<pid>/stat) go through one synchronous call each. An fs/promises call is several
 * thread-pool round trips: reading a 200-byte file takes ~180 µs that way and ~12 µs with
 * readFileSync (measured here), and a warm ensure + release makes about twenty of them. The event
 * loop is held for microseconds instead of waiting milliseconds. See docs/decisions.md.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/** The file's text, or null when it does not exist; other errors (EACCES, EISDIR) are thrown. */
export function readSmallFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a file only this user can read; `exclusive` throws EEXIST if it exists. */
export function writeSmallFile(file: string, text: string, { exclusive = false } = {}): void {
  writeFileSync(file, text, { mode: 0o600, flag: exclusive ? 'wx' : 'w' });
}

/** Replaces `file` whole through `temp`: readers see the old content or the new, never a part. */
export function replaceSmallFile(file: string, temp: string, text: string): void {
  try {
    writeSmallFile(temp, text);
    renameSync(temp, file);
  } catch (error) {
    removeSmallFile(temp);
    throw error;
  }
}

/** Removes a file if it is there. */
export function removeSmallFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
