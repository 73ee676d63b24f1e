/** Restoring in pre, saving in post: a cache never fails the job, every problem is a warning. */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import * as log from '../log.js';
import type { CacheEntry, CacheOutcome } from './cache-entries.js';
import type { CacheStore } from './cache-store.js';

/** Restores each entry; returns what each restore found (post saves the misses). */
export async function restoreEntries(
  store: CacheStore,
  entries: readonly CacheEntry[],
): Promise<{ misses: CacheEntry[]; outcomes: CacheOutcome[] }> {
  if (entries.length === 0) return { misses: [], outcomes: [] };
  if (!store.available()) {
    log.info(`${store.name} is not available on this runner: nothing restored or saved.`);
    return { misses: [], outcomes: [] };
  }
  const misses: CacheEntry[] = [];
  const outcomes: CacheOutcome[] = [];
  for (const entry of entries) {
    const began = performance.now();
    let hit = false;
    try {
      if (await store.restore(entry.paths, entry.key)) {
        if (entry.image) await docker(['load', '-i', imageFile(entry)]);
        log.info(`Restored ${entry.name} from the ${store.name} (key ${entry.key}).`);
        hit = true;
      } else {
        log.info(`No cache for ${entry.name} (key ${entry.key}): it will be saved in post.`);
      }
    } catch (error) {
      log.warning(`Restoring ${entry.name} from the ${store.name} failed: ${message(error)}`);
    }
    if (!hit) misses.push(entry);
    outcomes.push({
      name: entry.name,
      key: entry.key,
      hit,
      ms: Math.round(performance.now() - began),
    });
  }
  return { misses, outcomes };
}

const imageFile = (entry: CacheEntry) => path.join(entry.paths[0]!, 'image.tar');

/** A short docker command (`load`, `save`, `version`); throws with its output when it fails. */
export async function docker(args: string[]): Promise<void> {
  const ran = await getExecOutput('docker', args, { ignoreReturnCode: true, silent: true });
  if (ran.exitCode !== 0)
    throw new Error(
      `docker ${args[0]} exited ${ran.exitCode}: ${ran.stderr.trim() || ran.stdout.trim()}`,
    );
}

/** Saves each entry that missed and now has content. */
export async function saveEntries(
  store: CacheStore,
  entries: readonly CacheEntry[],
): Promise<void> {
  for (const entry of entries) {
    try {
      if (entry.image) {
        await mkdir(entry.paths[0]!, { recursive: true });
        await docker(['save', '-o', imageFile(entry), entry.image]);
      }
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
