/**
 * What the action caches, each under an exact key (a binary or a model is either the right one
 * or absent): the CLI's release archive by version, os, arch, download URL and checksum; the tools the CLI downloads on its first start
 * (~/.stigmer/bin: Temporal, Ollama) by CLI version, os and arch; an Ollama model by its name.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../install/platform.js';

export interface CacheEntry {
  /** For messages. */
  readonly name: string;
  readonly key: string;
  /** Absolute; restore and save must use the identical list. */
  readonly paths: readonly string[];
}

/** Cache keys may not hold commas and are at most 512 characters. */
function key(...parts: string[]): string {
  return parts.join('-').replace(/[,\s]/g, '_').slice(0, 512);
}

/**
 * The directory holding the CLI's release archive (verified again after every restore). The URL
 * is in the key so a mirror never shares the release's entry, and the release's checksum so an
 * asset published again under the same tag gets an entry of its own.
 */
export function cliEntry(
  dir: string,
  tag: string,
  platform: Platform,
  release: { readonly url: string; readonly sha256: string },
): CacheEntry {
  const url = createHash('sha256').update(release.url).digest('hex').slice(0, 16);
  return {
    name: `stigmer ${tag}`,
    key: key(
      'stigmer-cli',
      tag,
      platform.os,
      platform.arch,
      `url.${url}`,
      `sha256.${release.sha256.slice(0, 16)}`,
    ),
    paths: [dir],
  };
}

/** ~/.stigmer/bin. Without a known CLI version (install: false) there is no safe key: none. */
export function toolsEntry(
  tag: string | null,
  platform: Platform,
  home = os.homedir(),
): CacheEntry[] {
  if (!tag) return [];
  return [
    {
      name: '~/.stigmer/bin',
      key: key('stigmer-tools', tag, platform.os, platform.arch),
      paths: [path.join(home, '.stigmer', 'bin')],
    },
  ];
}

/**
 * Ollama's model store, when Ollama is the provider (STIGMER_LLM_PROVIDER unset or `ollama`) and
 * the model is named (STIGMER_LLM_MODEL): without a name there is no exact key.
 */
export function modelEntry(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): CacheEntry[] {
  const provider = env.STIGMER_LLM_PROVIDER || 'ollama';
  const model = env.STIGMER_LLM_MODEL;
  if (provider !== 'ollama' || !model) return [];
  return [
    {
      name: `Ollama model ${model}`,
      key: key('ollama-model', model),
      paths: [path.join(home, '.ollama', 'models')],
    },
  ];
}
