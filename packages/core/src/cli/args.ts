import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile.js';
import type { StigmerOptions } from '../profile/stigmer.js';

type StigmerRequire = NonNullable<StigmerOptions['require']>;

import { type OnUnavailable, resolvePolicy } from '../stack/policy.js';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export const CONFIG_OPTIONS = {
  config: { type: 'string' },
  require: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
export const WAIT_OPTIONS = {
  timeout: { type: 'string' },
  'on-unavailable': { type: 'string' },
  'on-mismatch': { type: 'string' },
} as const;

type Values<T> = { [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : string };

/** Parses flags strictly: an unknown flag or a stray argument is a usage error naming it. */
export function parseFlags<T extends Record<string, OptionSpec>>(
  argv: string[],
  options: T,
): { values: Values<T> } {
  try {
    return { values: parseArgs({ args: argv, options, strict: true }).values as Values<T> };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
}

export function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} expects a positive number of seconds, got "${value}"`);
  return Math.round(n * 1000);
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${flag} expects a positive whole number, got "${value}"`);
  return n;
}

function mismatchPolicy(value: string | undefined): 'reuse' | 'unavailable' | undefined {
  if (value === undefined || value === 'reuse' || value === 'unavailable') return value;
  throw new UsageError(`--on-mismatch expects "reuse" or "unavailable", got "${value}"`);
}

function policy(value: string | undefined): OnUnavailable | undefined {
  if (value === undefined || value === 'skip' || value === 'fail') return value;
  throw new UsageError(`--on-unavailable expects "skip" or "fail", got "${value}"`);
}

/**
 * The wait flags shared by `up` and `run`: the ensure options they set, and the policy the exit
 * code follows (ensure itself always runs with `skip`, so the command can report first).
 */
export function waitFlags(values: {
  timeout?: string;
  'on-unavailable'?: string;
  'on-mismatch'?: string;
}) {
  const timeoutMs = seconds(values.timeout, 'timeout');
  const onMismatch = mismatchPolicy(values['on-mismatch']);
  return {
    onUnavailable: resolvePolicy(policy(values['on-unavailable'])),
    ensure: {
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(onMismatch ? { onMismatch } : {}),
      onUnavailable: 'skip' as const,
    },
  };
}

/**
 * The profile the flags name: `--config <file>`, else the Stigmer stack, whose `--require a,b`
 * says which components must be ready besides stigmer-server.
 */
export function profileFlags(values: { config?: string; require?: string }): Promise<Profile> {
  if (values.require !== undefined && values.config !== undefined)
    throw new UsageError(
      '--require applies to the Stigmer profile; a --config profile says which components are required in its spec (`required: false`)',
    );
  const require = values.require
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  // stigmer() checks the names and lists the valid ones.
  return loadProfile(values.config, require ? { require: require as StigmerRequire } : {});
}
