/**
 * Reading and writing a state dir. Writes are atomic (a temp file renamed over the old one);
 * a corrupt file is moved aside, named in a warning, and replaced: never fatal, nothing lost.
 */
import { randomBytes } from 'node:crypto';
import { access, chmod, constants, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { StateDirError } from '../errors.js';
import { readSmallFile, replaceSmallFile } from '../util/small-file.js';
import { EMPTY_STATE, isState, type State } from './state.js';

const STATE_FILE = 'state.json';

export interface ReadResult {
  state: State;
  /** Set when the file was corrupt: what happened and where the old file went. */
  warning: string | null;
}

/** Creates the state dir (0700) if needed and checks that we can write to it. */
export function prepareStateDir(dir: string): Promise<void> {
  // Once per process and dir: repeated ensures (a beforeEach) need not stat it every time.
  let prepared = preparedDirs.get(dir);
  if (!prepared) {
    prepared = prepare(dir);
    preparedDirs.set(dir, prepared);
    prepared.catch(() => preparedDirs.delete(dir));
  }
  return prepared;
}

const preparedDirs = new Map<string, Promise<void>>();

async function prepare(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await mkdir(path.join(dir, 'logs'), { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await access(dir, constants.W_OK | constants.R_OK);
    // Leases name processes and jobs: keep them to the user even if the dir existed (umask, copies).
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) await chmod(dir, 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StateDirError(
      `Cannot use the state dir ${dir} (${code}: ${(error as Error).message}). ` +
        'It must be a directory this user can write; fix its permissions, or point the profile elsewhere with `stateDir`.',
      { cause: error },
    );
  }
}

/**
 * Reads the state. A corrupt file is moved aside (`repair`, the default, only under the lock) or,
 * for read-only callers, just reported.
 */
export async function readState(dir: string, { repair = true } = {}): Promise<ReadResult> {
  const file = path.join(dir, STATE_FILE);
  const raw = readSmallFile(file);
  if (raw === null) return { state: EMPTY_STATE, warning: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isState(parsed)) return { state: parsed, warning: null };
  } catch {
    // handled below
  }
  if (!repair) {
    return {
      state: EMPTY_STATE,
      warning: `The state file ${file} is unreadable; the next run moves it aside and starts afresh.`,
    };
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside).catch(() => {});
  return {
    state: EMPTY_STATE,
    warning:
      `The state file ${file} was unreadable (truncated or edited); it was moved to ${aside} and a fresh one started. ` +
      'A stack running now is treated as not started by us, so it will be left running.',
  };
}

/** Only call while holding the state dir's lock. */
export async function writeState(dir: string, state: State): Promise<void> {
  const file = path.join(dir, STATE_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  replaceSmallFile(file, temp, `${JSON.stringify(state, null, 2)}\n`);
}
