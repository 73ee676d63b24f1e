/** Flags several commands share, defined once with their help, and how each is read. */
import { UsageError } from '../errors.js';
import { loadConfig } from '../profile/load-profile.js';
import type { StigmerOptions } from '../profile/stigmer.js';
import { type OnUnavailable, resolvePolicy } from '../stack/policy.js';
import type { Flags } from './command.js';
import type { Target } from './target.js';

export const PROFILE_FLAGS = {
  config: {
    type: 'string',
    value: '<file>',
    help: 'A custom profile: a .js/.mjs (default export) or .json server spec,\nor a group of them ({ members: [...] }, see docs/groups.md).\nWithout it: the Stigmer stack (`stigmer` on PATH, or $STIGMER_E2E_BIN).',
  },
  require: {
    type: 'string',
    value: '<a,b>',
    help: 'Stigmer stack: components that must be ready besides stigmer-server\n(temporal, workflow-runner, agent-runner; default temporal,workflow-runner).',
  },
} as const satisfies Flags;

export const WAIT_FLAGS = {
  timeout: {
    type: 'string',
    value: '<seconds>',
    help: "How long to wait for readiness (default: the profile's; 180 for Stigmer).",
  },
  'on-unavailable': {
    type: 'string',
    value: '<p>',
    help: 'skip: exit 3 when the stack is unavailable; fail: exit 1.\nDefault: fail when $CI is set, skip otherwise.',
  },
  'on-mismatch': {
    type: 'string',
    value: '<p>',
    help: 'A running stack started with other settings (another LLM model,\nfrom $STIGMER_LLM_MODEL): reuse it, or call it unavailable.\nDefault: unavailable when $CI is set, reuse otherwise.',
  },
} as const satisfies Flags;

type StigmerRequire = NonNullable<StigmerOptions['require']>;

/**
 * The profile (or group) the flags name: `--config <file>`, else the Stigmer stack, whose
 * `--require a,b` says which components must be ready besides stigmer-server.
 */
export function profileFlags(values: { config?: string; require?: string }): Promise<Target> {
  if (values.require !== undefined && values.config !== undefined)
    throw new UsageError(
      "--require applies to the Stigmer profile; a --config profile says which components are required in its spec (`required: false`; in a group, the stigmer member's options.require)",
    );
  const require = values.require
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  // stigmer() checks the names and lists the valid ones.
  return loadConfig(values.config, require ? { require: require as StigmerRequire } : {});
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

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]) {
  if (value === undefined || (allowed as readonly string[]).includes(value))
    return value as T | undefined;
  throw new UsageError(
    `--${flag} expects ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${value}"`,
  );
}

/**
 * The wait flags of `up` and `run`: the ensure options they set, and the policy the exit code
 * follows (ensure itself always runs with `skip`, so that the command can report first).
 */
export function waitFlags(values: {
  timeout?: string;
  'on-unavailable'?: string;
  'on-mismatch'?: string;
}) {
  const timeoutMs = seconds(values.timeout, 'timeout');
  const onMismatch = oneOf(values['on-mismatch'], 'on-mismatch', ['reuse', 'unavailable']);
  const policy = oneOf<OnUnavailable>(values['on-unavailable'], 'on-unavailable', ['skip', 'fail']);
  return {
    onUnavailable: resolvePolicy(policy),
    ensure: {
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(onMismatch ? { onMismatch } : {}),
      onUnavailable: 'skip' as const,
    },
  };
}
