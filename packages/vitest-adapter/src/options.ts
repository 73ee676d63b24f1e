/**
 * The adapter's options: everything `ensureServer` takes, plus `profile`. One pipeline:
 * validate what only the adapter reads here; core validates the rest when it uses it.
 */
import path from 'node:path';
import {
  defineGroup,
  type EnsureOptions,
  type Group,
  type GroupSpec,
  isGroup,
  loadConfig,
  type Profile,
  ProfileError,
  type ServerSpec,
  stigmer,
} from '@stigmer/e2e-core';

/** What the run is against: one stack, or a group of stacks started in dependency order. */
export type StackTarget = Profile | ServerSpec | Group;

export interface StigmerServerOptions extends Omit<EnsureOptions, 'wait' | 'resume'> {
  /**
   * The stack to run the tests against: a profile (`stigmer({...})`, `defineServer({...})`),
   * a server spec, a group (`defineGroup({...})` or a group spec, `{ members: [...] }`: several
   * stacks in dependency order, see docs/groups.md), or the path of a config file (`.mjs`, `.js`
   * with a default export, or `.json`) holding any of these, relative to the Vitest root.
   * Default: `stigmer()`, the local Stigmer stack.
   */
  profile?: Profile | ServerSpec | Group | GroupSpec | string;
}

/** Checks the options a config author types by hand, so a mistake fails when the config loads. */
export function validateOptions(options: unknown): StigmerServerOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `stigmerServer(options): expected an options object like { profile, onUnavailable, timeoutMs }, got ${describe(options)}.`,
    );
  }
  const { profile } = options as StigmerServerOptions;
  if (profile !== undefined && typeof profile !== 'string' && typeof profile !== 'object') {
    throw new TypeError(
      `stigmerServer({ profile }): expected a profile (stigmer(), defineServer()), a server spec, a group ({ members: [...] }) or a config file path, got ${describe(profile)}.`,
    );
  }
  if (typeof profile === 'string' && profile.trim() === '') {
    throw new TypeError(
      'stigmerServer({ profile }): expected the path of a config file (.mjs, .js or .json), got an empty string.',
    );
  }
  return options as StigmerServerOptions;
}

/**
 * The profile (or group) the run uses. A config file path is relative to the Vitest root (where
 * the Vitest config lives), like every other path in that config. A group spec is validated
 * here, once, so that a bad one fails when the run starts.
 */
export async function resolveProfile(
  option: StigmerServerOptions['profile'],
  root: string,
): Promise<StackTarget> {
  if (option === undefined) return stigmer();
  try {
    if (typeof option === 'string') return await loadConfig(path.resolve(root, option));
    if ('members' in option && !isGroup(option)) return defineGroup(option);
    return option;
  } catch (error) {
    if (error instanceof ProfileError)
      throw new ProfileError(
        `stigmerServer({ profile: ${typeof option === 'string' ? `'${option}'` : '{ members }'} }): ${error.message}`,
      );
    throw error;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}
