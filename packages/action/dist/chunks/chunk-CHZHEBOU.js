import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isProvenDead,
  liveness,
  readSmallFile,
  removeSmallFile,
  selfRef,
  sleep,
  writeSmallFile
} from "./chunk-OWJNM7FF.js";
import {
  LockTimeoutError
} from "./chunk-YYN4WDBH.js";

// ../core/dist/state/lock.js
import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, statSync, watch } from "node:fs";
import path from "node:path";
var LOCK_FILE = "lock";
var GARBAGE_GRACE_MS = 2e3;
var WAIT_NOTICE_MS = 500;
var MAX_POLL_MS = 100;
async function withLock(dir, fn, options = {}) {
  mkdirSync(dir, { recursive: true, mode: 448 });
  const release = await acquire(dir, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}
async function acquire(dir, options) {
  const lockPath = path.join(dir, LOCK_FILE);
  const me = await selfRef();
  const token = randomUUID();
  const content = JSON.stringify({ pid: me.pid, startTime: me.startTime, token });
  const staged = `${lockPath}.${token}.tmp`;
  writeSmallFile(staged, content);
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 3e5);
  let noticed = false;
  let pause = 1;
  let changes;
  try {
    for (; ; ) {
      const seen = changes?.count ?? 0;
      if (place(staged, lockPath, content)) {
        return async () => {
          if (readSmallFile(lockPath) === content)
            removeSmallFile(lockPath);
        };
      }
      const raw = readSmallFile(lockPath);
      if (raw === null)
        continue;
      const holder = parseHolder(raw);
      const state = holder ? await liveness(holder) : isYoung(lockPath) ? "alive" : "dead";
      if (state === "dead") {
        await breakStale(lockPath, raw, staged, content);
        continue;
      }
      if (holder && !noticed && Date.now() - started > WAIT_NOTICE_MS) {
        noticed = true;
        options.onWait?.(holder);
      }
      if (Date.now() > deadline) {
        throw new LockTimeoutError(`Timed out after ${Math.round((Date.now() - started) / 1e3)} s waiting for the lock ${lockPath}` + (holder ? `, held by pid ${holder.pid} (${state === "alive" ? "alive" : "could not check whether it is alive"})` : "") + ". Another stigmer-e2e run is busy with this stack (a long stop?); retry when it is done.");
      }
      changes ??= watchLock(dir);
      await changes.after(seen, pause, options.signal);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
  } finally {
    changes?.close();
    removeSmallFile(staged);
  }
}
function watchLock(dir) {
  let count = 0;
  let wake;
  let watcher;
  try {
    watcher = watch(dir, (_, file) => {
      if (file && file !== LOCK_FILE)
        return;
      count++;
      wake?.();
    });
    watcher.on("error", () => {
    });
  } catch {
  }
  return {
    get count() {
      return count;
    },
    async after(seen, ms, signal) {
      if (count > seen)
        return;
      const timer = new AbortController();
      const changed = new Promise((resolve) => {
        wake = resolve;
      });
      await Promise.race([
        changed,
        sleep(ms, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal).catch(() => {
        })
      ]);
      timer.abort();
      wake = void 0;
      signal?.throwIfAborted();
    },
    close: () => watcher?.close()
  };
}
function place(staged, target, content) {
  try {
    linkSync(staged, target);
    return true;
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST")
      return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS")
      throw error;
  }
  try {
    writeSmallFile(target, content, { exclusive: true });
    return true;
  } catch (error) {
    if (error.code === "EEXIST")
      return false;
    throw error;
  }
}
async function breakStale(lockPath, staleContent, staged, content) {
  const breakPath = `${lockPath}.break`;
  if (!place(staged, breakPath, content)) {
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
    if (readSmallFile(lockPath) === staleContent)
      removeSmallFile(lockPath);
  } finally {
    removeSmallFile(breakPath);
  }
}
function parseHolder(raw) {
  try {
    const value = JSON.parse(raw);
    if (Number.isInteger(value.pid) && typeof value.startTime === "string" && typeof value.token === "string") {
      return value;
    }
  } catch {
  }
  return null;
}
function isYoung(file) {
  try {
    return Date.now() - statSync(file).mtimeMs < GARBAGE_GRACE_MS;
  } catch {
    return false;
  }
}

export {
  withLock
};
