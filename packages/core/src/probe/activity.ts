import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

/**
 * Wakes the readiness wait when a starting stack shows signs of life: a write to a log (a
 * server says "listening" as it listens) or a pid file appearing, seen through the file
 * system's own events (inotify, FSEvents). The probe that follows sees the component at once,
 * instead of up to one poll interval later; without events the poll schedule still holds.
 */
export interface Activity {
  /** Calls `wake` at the next event; returns the unsubscribe. */
  subscribe(wake: () => void): () => void;
  close(): void;
}

/** Watches the directories of `files` (which may not exist yet); those that do not exist are skipped. */
export function watchActivity(files: readonly string[]): Activity {
  const listeners = new Set<() => void>();
  const watchers: FSWatcher[] = [];
  for (const dir of new Set(files.map((file) => path.dirname(file)))) {
    try {
      const watcher = watch(dir, { persistent: false }, () => {
        for (const wake of [...listeners]) wake();
      });
      watcher.on('error', () => watcher.close()); // the dir went away: the poll goes on alone
      watchers.push(watcher);
    } catch {
      // No such dir yet (a first start) or no watch left (inotify limit): polling covers it.
    }
  }
  return {
    subscribe(wake) {
      listeners.add(wake);
      return () => listeners.delete(wake);
    },
    close() {
      listeners.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}

/**
 * Resolves after `ms` with false, or at the next activity if sooner with true (but not before
 * `minMs`: a log written in a burst must not turn into a probe per line); rejects when
 * `signal` aborts.
 */
export function pause(
  ms: number,
  { activity, minMs, signal }: { activity?: Activity; minMs: number; signal: AbortSignal },
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const startedAt = performance.now();
    let woken = false;
    let timer = setTimeout(done, ms);
    const unsubscribe = activity?.subscribe(() => {
      if (woken) return;
      woken = true;
      clearTimeout(timer);
      timer = setTimeout(done, Math.max(0, minMs - (performance.now() - startedAt)));
    });
    const onAbort = () => {
      clearTimeout(timer);
      unsubscribe?.();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    function done() {
      unsubscribe?.();
      signal.removeEventListener('abort', onAbort);
      resolve(woken);
    }
  });
}
