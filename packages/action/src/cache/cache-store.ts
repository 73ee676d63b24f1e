/**
 * Where caches live. Production: GitHub's cache service through @actions/cache. Tests: a
 * directory (GitHub's cache service cannot be reached outside a GitHub-hosted job), chosen by
 * $STIGMER_ACTION_CACHE_DIR.
 */
export interface CacheStore {
  /** For messages: "GitHub cache", "directory cache". */
  readonly name: string;
  /** False when the service is not there (e.g. a GHES without caching): every entry then misses. */
  available(): boolean;
  /** Restores `paths` saved under exactly `key`; true on a hit. */
  restore(paths: readonly string[], key: string): Promise<boolean>;
  /** Saves `paths` under `key`; false when not saved (another job is saving it, or it exists). */
  save(paths: readonly string[], key: string): Promise<boolean>;
}

/** The store this run uses. */
export async function cacheStore(): Promise<CacheStore> {
  const dir = process.env.STIGMER_ACTION_CACHE_DIR;
  if (dir) {
    const { DirectoryCacheStore } = await import('./directory-cache-store.js');
    return new DirectoryCacheStore(dir);
  }
  // Loaded only when caching is on: @actions/cache and the Azure SDK are most of the bundle.
  const { GitHubCacheStore } = await import('./github-cache-store.js');
  return new GitHubCacheStore();
}
