/**
 * What one stage leaves for the next (pre -> main -> post), through the runner's GITHUB_STATE
 * file and STATE_* variables. One reader and one setter per key; each is saved the moment the
 * thing it names exists, so post can clean up after a pre or main that failed halfway.
 * State is per step: a second use of the action in the same job has its own.
 */
import * as core from '@actions/core';
import type { HandleSnapshot } from '@stigmer/e2e-core';
import type { CacheEntry, CacheOutcome } from './cache/cache-entries.js';

const KEYS = {
  preRan: 'pre-ran',
  startedAt: 'started-at',
  bin: 'bin',
  version: 'version',
  cacheMisses: 'cache-misses',
  cacheOutcomes: 'cache-outcomes',
  leaseId: 'lease-id',
  outcome: 'outcome',
  configPath: 'config-path',
  result: 'result',
} as const;

/** pre got as far as reading its inputs: main must not install again. */
export const preRan = (): boolean => core.getState(KEYS.preRan) === 'true';
export const setPreRan = (): void => core.saveState(KEYS.preRan, 'true');

/** When the first stage began (epoch ms): "time to ready" is counted from here. */
export function startedAt(): number | null {
  const value = Number(core.getState(KEYS.startedAt));
  return Number.isFinite(value) && value > 0 ? value : null;
}
export const setStartedAt = (ms: number): void => core.saveState(KEYS.startedAt, String(ms));

/** Absolute path of the installed `stigmer`; null: `stigmer` from PATH. */
export const bin = (): string | null => core.getState(KEYS.bin) || null;
export const setBin = (path: string): void => core.saveState(KEYS.bin, path);

/** The resolved release tag that was installed. */
export const version = (): string | null => core.getState(KEYS.version) || null;
export const setVersion = (tag: string): void => core.saveState(KEYS.version, tag);

/** Caches that missed on restore: post saves them. */
export function cacheMisses(): CacheEntry[] {
  return parseJson<CacheEntry[]>(core.getState(KEYS.cacheMisses)) ?? [];
}
export const setCacheMisses = (entries: readonly CacheEntry[]): void =>
  core.saveState(KEYS.cacheMisses, JSON.stringify(entries));

/** What each cache restore found, for the job summary. */
export function cacheOutcomes(): CacheOutcome[] {
  return parseJson<CacheOutcome[]>(core.getState(KEYS.cacheOutcomes)) ?? [];
}
export const setCacheOutcomes = (outcomes: readonly CacheOutcome[]): void =>
  core.saveState(KEYS.cacheOutcomes, JSON.stringify(outcomes));

/** The action's explicit lease on the stack: post releases it. */
export const leaseId = (): string | null => core.getState(KEYS.leaseId) || null;
export const setLeaseId = (id: string): void => core.saveState(KEYS.leaseId, id);

/** How the lease got the stack (started, joined, ...), saved with the lease: post words its release by it. */
export function outcome(): HandleSnapshot['outcome'] | null {
  return (core.getState(KEYS.outcome) || null) as HandleSnapshot['outcome'] | null;
}
export const setOutcome = (value: HandleSnapshot['outcome']): void =>
  core.saveState(KEYS.outcome, value);

/** Absolute path of the `config` profile file, as main loaded it. */
export const configPath = (): string | null => core.getState(KEYS.configPath) || null;
export const setConfigPath = (path: string): void => core.saveState(KEYS.configPath, path);

/** What main found: the handle (log tails left out), and the time to ready from the first stage. */
export interface MainResult {
  readonly snapshot: Omit<HandleSnapshot, 'logTails'>;
  readonly timeToReadyMs: number | null;
}
export const result = (): MainResult | null => parseJson<MainResult>(core.getState(KEYS.result));
export const setResult = (value: MainResult): void =>
  core.saveState(KEYS.result, JSON.stringify(value));

function parseJson<T>(text: string): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
