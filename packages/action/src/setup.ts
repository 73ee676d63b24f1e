/**
 * What comes before the start, in pre (or in main when pre did not run): install the CLI and
 * restore caches. Each result is saved in state as soon as it exists.
 */
import * as core from '@actions/core';
import {
  type CacheEntry,
  type CacheOutcome,
  imageEntry,
  modelEntry,
  toolsEntry,
} from './cache/cache-entries.js';
import { cacheStore } from './cache/cache-store.js';
import { docker, restoreEntries } from './cache/caches.js';
import type { Inputs } from './context.js';
import { installStigmer } from './install/install.js';
import { currentPlatform } from './install/platform.js';
import * as log from './log.js';
import * as stateHelper from './state-helper.js';

export async function setUp(inputs: Inputs): Promise<void> {
  const store = inputs.cache ? await cacheStore() : null;
  const misses: CacheEntry[] = [];
  const outcomes: CacheOutcome[] = [];
  const tag = inputs.install
    ? await core.group('Install stigmer', async () => {
        const installed = await installStigmer({
          version: inputs.version,
          downloadUrl: inputs.downloadUrl,
          githubToken: inputs.githubToken,
          platform: currentPlatform(),
          store,
        });
        stateHelper.setBin(installed.bin);
        stateHelper.setVersion(installed.tag);
        misses.push(...installed.cacheMisses);
        outcomes.push(...installed.cacheOutcomes);
        stateHelper.setCacheOutcomes(outcomes);
        stateHelper.setCacheMisses(misses);
        return installed.tag;
      })
    : null;
  if (!inputs.install)
    log.info('install: false: using the `stigmer` on PATH (or $STIGMER_E2E_BIN).');
  if (!store) return;
  await core.group('Restore caches', async () => {
    // The model cache follows the model the stack will run: the input, else the environment's.
    const model = modelEntry(
      inputs.llmModel ? { ...process.env, STIGMER_LLM_MODEL: inputs.llmModel } : process.env,
    );
    // Without a Docker engine the supervisor runs no agent-runner: no image to keep.
    const image = (await docker(['version']).then(
      () => true,
      () => false,
    ))
      ? [imageEntry()]
      : [];
    const entries = [...(tag ? toolsEntry(tag, currentPlatform()) : []), ...model, ...image];
    if (!tag)
      log.info('~/.stigmer/bin is not cached with install: false (no CLI version for the key).');
    if (model.length === 0) log.info('No Ollama model to cache: the LLM provider is not Ollama.');
    if (image.length === 0)
      log.info('No agent-runner image to cache: Docker does not answer on this runner.');
    const restored = await restoreEntries(store, entries);
    misses.push(...restored.misses);
    stateHelper.setCacheMisses(misses);
    outcomes.push(...restored.outcomes);
    stateHelper.setCacheOutcomes(outcomes);
  });
}
