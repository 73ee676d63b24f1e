/**
 * A lock on a state dir that never outlives a dead holder: the lock file holds the holder's pid
 * and start time, so it is stale the moment that process is gone (no mtime timeouts to wait out).
 *
 * The file appears atomically with its whole content (written aside, then hard-linked into
 * place; on a file system without hard links, created exclusively). A stale lock is broken under
 * a second, short-lived "break" lock, placed the same way, and only if it still holds the very
 * content judged stale, so two processes breaking at once cannot delete a fresh lock that a
 * third has just taken.
 */
import { randomUUID } from 'node:crypto';
import { type FSWatcher, linkSync, mkdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { LockTimeoutError } from '../errors.js';
import {
  isProvenDead,
  type Liveness,
  liveness,
  type ProcessRef,
  selfRef,
} from '../process/identity.js';
import { sleep } from '../util/sleep.js';
import { readSmallFile, removeSmallFile, writeSmallFile } from '../util/small-file.js';

export interface LockHolder extends ProcessRef {
  readonly token: string;
}

export interface LockOptions {
  /** Give up waiting for a live holder after this long. Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called once when the lock has been busy for a while, to show why we wait. */
  onWait?: (holder: LockHolder) => void;
}

const LOCK_FILE = 'lock';
/** An unreadable lock file younger than this may be mid-write by a filesystem without link(). */
const GARBAGE_GRACE_MS = 2_000;
const WAIT_NOTICE_MS = 500;
/** Fallback polling while the lock is busy (events usually wake us first). */
const MAX_POLL_MS = 100;

/** Runs `fn` while holding the lock of `dir` (which must exist). */
export async function withLock<T>(
  dir: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  // The lock lives in the state dir, which a first command on a machine may not have made yet
  // (a `down` or `fault` before any `up`).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const release = await acquire(dir, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}

async function acquire(dir: string, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = path.join(dir, LOCK_FILE);
  const me = await selfRef();
  const token = randomUUID();
  const content = JSON.stringify({ pid: me.pid, startTime: me.startTime, token });
  const staged = `${lockPath}.${token}.tmp`;
  writeSmallFile(staged, content);
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 300_000);
  let noticed = false;
  let pause = 1;
  let changes: LockChanges | undefined;
  try {
    for (;;) {
      const seen = changes?.count ?? 0;
      if (place(staged, lockPath, content)) {
        return async () => {
          // Remove only our own lock: never one a breaker wrongly handed to someone else.
          if (readSmallFile(lockPath) === content) removeSmallFile(lockPath);
        };
      }
      const raw = readSmallFile(lockPath);
      if (raw === null) continue; // released between our attempt and the read: try again now
      const holder = parseHolder(raw);
      // Broken only when proven stale: a holder that cannot be checked is waited for.
      const state: Liveness = holder
        ? await liveness(holder)
        : isYoung(lockPath)
          ? 'alive'
          : 'dead';
      if (state === 'dead') {
        await breakStale(lockPath, raw, staged, content);
        continue;
      }
      if (holder && !noticed && Date.now() - started > WAIT_NOTICE_MS) {
        noticed = true;
        options.onWait?.(holder);
      }
      if (Date.now() > deadline) {
        throw new LockTimeoutError(
          `Timed out after ${Math.round((Date.now() - started) / 1000)} s waiting for the lock ${lockPath}` +
            (holder
              ? `, held by pid ${holder.pid} (${state === 'alive' ? 'alive' : 'could not check whether it is alive'})`
              : '') +
            '. Another stigmer-e2e run is busy with this stack (a long stop?); retry when it is done.',
        );
      }
      // Wake as soon as the lock file changes (a release), polling only as a fallback: a holder
      // that dies releases nothing, and some filesystems send no events.
      changes ??= watchLock(dir);
      await changes.after(seen, pause, options.signal);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
  } finally {
    changes?.close();
    removeSmallFile(staged);
  }
}

interface LockChanges {
  /** How many changes to the lock file were seen so far. */
  readonly count: number;
  /** Resolves once `count` exceeds `seen`, or after `ms`. */
  after(seen: number, ms: number, signal?: AbortSignal): Promise<void>;
  close(): void;
}

function watchLock(dir: string): LockChanges {
  let count = 0;
  let wake: (() => void) | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, (_, file) => {
      if (file && file !== LOCK_FILE) return;
      count++;
      wake?.();
    });
    watcher.on('error', () => {});
  } catch {
    // no events here: polling alone
  }
  return {
    get count() {
      return count;
    },
    async after(seen, ms, signal) {
      if (count > seen) return;
      const timer = new AbortController();
      const changed = new Promise<void>((resolve) => {
        wake = resolve;
      });
      await Promise.race([
        changed,
        sleep(ms, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal).catch(() => {}),
      ]);
      timer.abort();
      wake = undefined;
      signal?.throwIfAborted();
    },
    close: () => watcher?.close(),
  };
}

/** Puts the staged lock (or break lock) in place; false when one already exists. */
function place(staged: string, target: string, content: string): boolean {
  try {
    linkSync(staged, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  // Filesystems without hard links: exclusive create (content lands a moment later).
  try {
    writeSmallFile(target, content, { exclusive: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function breakStale(
  lockPath: string,
  staleContent: string,
  staged: string,
  content: string,
): Promise<void> {
  const breakPath = `${lockPath}.break`;
  if (!place(staged, breakPath, content)) {
    // Another process is breaking it. If that breaker died mid-way, clear its break lock.
    const raw = readSmallFile(breakPath);
    const breaker = raw === null ? null : parseHolder(raw);
    if (raw !== null && (breaker ? await isProvenDead(breaker) : !isYoung(breakPath))) {
      removeSmallFile(breakPath);
    } else {
      await sleep(1);
    }
    return;
  }
  try {
    if (readSmallFile(lockPath) === staleContent) removeSmallFile(lockPath);
  } finally {
    removeSmallFile(breakPath);
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (
      Number.isInteger(value.pid) &&
      typeof value.startTime === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as LockHolder;
    }
  } catch {
    // fall through
  }
  return null;
}

function isYoung(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < GARBAGE_GRACE_MS;
  } catch {
    return false;
  }
}
