/**
 * A cache kept in a local directory: the stand-in for GitHub's cache service in this repository's
 * tests (that service cannot be reached outside a GitHub-hosted job). Selected only by
 * $STIGMER_ACTION_CACHE_DIR. Immutable entries, exact keys, like the real one.
 */
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CacheStore } from './cache-store.js';

export class DirectoryCacheStore implements CacheStore {
  readonly name: string;

  constructor(private readonly root: string) {
    this.name = `directory cache ${root}`;
  }

  available(): boolean {
    return true;
  }

  async restore(paths: readonly string[], key: string): Promise<boolean> {
    const entry = this.entry(key);
    const manifest = await readFile(path.join(entry, 'paths.json'), 'utf8').catch(() => null);
    if (manifest === null) return false;
    if (JSON.stringify(paths) !== manifest) return false; // like @actions/cache: restore and save must use the same path list
    for (const [i, target] of paths.entries()) {
      const saved = path.join(entry, String(i));
      if (await exists(saved)) await cp(saved, target, { recursive: true, force: true });
    }
    return true;
  }

  async save(paths: readonly string[], key: string): Promise<boolean> {
    const entry = this.entry(key);
    if (await exists(entry)) return false; // immutable
    const staging = `${entry}.${process.pid}.tmp`;
    await mkdir(staging, { recursive: true });
    for (const [i, source] of paths.entries())
      if (await exists(source))
        await cp(source, path.join(staging, String(i)), { recursive: true });
    await writeFile(path.join(staging, 'paths.json'), JSON.stringify(paths));
    try {
      await rename(staging, entry);
      return true;
    } catch {
      await rm(staging, { recursive: true, force: true });
      return false;
    }
  }

  private entry(key: string): string {
    return path.join(this.root, encodeURIComponent(key));
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
