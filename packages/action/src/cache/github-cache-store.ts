/** The production cache: GitHub's cache service through @actions/cache. */
import * as cache from '@actions/cache';
import type { CacheStore } from './cache-store.js';

export class GitHubCacheStore implements CacheStore {
  readonly name = 'GitHub cache';

  available(): boolean {
    return cache.isFeatureAvailable();
  }

  async restore(paths: readonly string[], key: string): Promise<boolean> {
    // Exact keys only (no restore-keys): a binary or a model is either the right one or absent.
    return (await cache.restoreCache([...paths], key)) === key;
  }

  async save(paths: readonly string[], key: string): Promise<boolean> {
    // -1: not saved (another job reserved the key, or it already exists): benign.
    return (await cache.saveCache([...paths], key)) !== -1;
  }
}
