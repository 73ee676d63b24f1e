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
  /**
   * A Docker image kept as `image.tar` in the (single) path: `docker load` after a restore,
   * `docker save` before a save.
   */
  readonly image?: string;
}

/** What a restore found, for the job summary. */
export interface CacheOutcome {
  readonly name: string;
  readonly key: string;
  readonly hit: boolean;
  /** How long the restore took (download, and `docker load` for an image). */
  readonly ms: number;
}

/** The image the real supervisor runs as agent-runner (pulled on its first start: minutes). */
const AGENT_RUNNER_IMAGE = 'ghcr.io/stigmer/agent-runner:latest';
/** The CLI's default Ollama model (client-apps/cli/internal/cli/llm/setup.go). */
const DEFAULT_MODEL = 'qwen2.5-coder:7b';

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
 * Ollama's model store, when Ollama is the provider (STIGMER_LLM_PROVIDER unset or `ollama`): the
 * model named by STIGMER_LLM_MODEL, else the CLI's default, which a fresh runner's config uses.
 * Core pulls a missing model on the first start, so a miss is filled for the next job.
 */
export function modelEntry(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): CacheEntry[] {
  const provider = env.STIGMER_LLM_PROVIDER || 'ollama';
  const model = env.STIGMER_LLM_MODEL || DEFAULT_MODEL;
  if (provider !== 'ollama') return [];
  return [
    {
      name: `Ollama model ${model}`,
      key: key('ollama-model', model),
      paths: [path.join(home, '.ollama', 'models')],
    },
  ];
}

/**
 * The agent-runner image, `docker save`d. `:latest` has no version to key on, so the key holds
 * the ISO week: a job gets an image at most a week old, and a new one is pulled (and cached)
 * each week.
 */
export function imageEntry(now = new Date(), home = os.homedir()): CacheEntry {
  return {
    name: `image ${AGENT_RUNNER_IMAGE}`,
    key: key('agent-runner-image', AGENT_RUNNER_IMAGE, isoWeek(now)),
    paths: [path.join(home, '.cache', 'stigmer-e2e', 'agent-runner-image')],
    image: AGENT_RUNNER_IMAGE,
  };
}

/** "2026w49" */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}w${String(week).padStart(2, '0')}`;
}
