/** Restoring in pre, saving in post: a cache never fails the job, every problem is a warning. */
import { readdir } from 'node:fs/promises';
import * as log from '../log.js';
import type { CacheEntry } from './cache-entries.js';
import type { CacheStore } from './cache-store.js';

/** Restores each entry; returns the ones that missed (post saves them). */
export async function restoreEntries(
  store: CacheStore,
  entries: readonly CacheEntry[],
): Promise<CacheEntry[]> {
  if (entries.length === 0) return [];
  if (!store.available()) {
    log.info(`${store.name} is not available on this runner: nothing restored or saved.`);
    return [];
  }
  const misses: CacheEntry[] = [];
  for (const entry of entries) {
    try {
      if (await store.restore(entry.paths, entry.key)) {
        log.info(`Restored ${entry.name} from the ${store.name} (key ${entry.key}).`);
        continue;
      }
      log.info(`No cache for ${entry.name} (key ${entry.key}): it will be saved in post.`);
    } catch (error) {
      log.warning(`Restoring ${entry.name} from the ${store.name} failed: ${message(error)}`);
    }
    misses.push(entry);
  }
  return misses;
}

/** Saves each entry that missed and now has content. */
export async function saveEntries(
  store: CacheStore,
  entries: readonly CacheEntry[],
): Promise<void> {
  for (const entry of entries) {
    try {
      if (!(await hasContent(entry.paths))) {
        log.info(`Not saving ${entry.name}: ${entry.paths.join(', ')} is missing or empty.`);
        continue;
      }
      const saved = await store.save(entry.paths, entry.key);
      log.info(
        saved
          ? `Saved ${entry.name} to the ${store.name} (key ${entry.key}).`
          : `${entry.name} not saved: key ${entry.key} exists or another job is saving it.`,
      );
    } catch (error) {
      log.warning(`Saving ${entry.name} to the ${store.name} failed: ${message(error)}`);
    }
  }
}

async function hasContent(paths: readonly string[]): Promise<boolean> {
  for (const p of paths) {
    const names = await readdir(p).catch(() => []);
    if (names.length > 0) return true;
  }
  return false;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
