/**
 * `@stigmer/e2e-vitest/global-setup`: the globalSetup file. Listed by `stigmerServer()`, or by
 * hand in `test.globalSetup` (then with the defaults: the Stigmer profile). For other options
 * without the plugin, write a one-line setup file: `export default createGlobalSetup({...})`.
 */

import { stderrLogger } from './logger.js';
import { resolveProfile, type StigmerServerOptions, validateOptions } from './options.js';
import { findPluginApi, type GlobalSetup, type PluginHost } from './plugin-api.js';
import type { SetupProject } from './project.js';
import { StackSession } from './stack-session.js';

export type { GlobalSetup } from './plugin-api.js';

/**
 * A globalSetup function for these options. Every project that runs it shares one stack and
 * one lease; the lease is released when the last project tears down.
 *
 * @example
 * // stigmer.setup.ts, listed in test.globalSetup
 * import { createGlobalSetup } from '@stigmer/e2e-vitest/global-setup';
 * export default createGlobalSetup({ profile: './postgres.config.mjs', onUnavailable: 'fail' });
 */
export function createGlobalSetup(options: StigmerServerOptions = {}): GlobalSetup {
  const checked = validateOptions(options);
  let opening: Promise<StackSession> | null = null;
  return async (project) => {
    opening ??= open(checked, project.config.root);
    const session = await opening;
    session.attach(project);
    return () => session.detach(project);
  };
}

async function open(options: StigmerServerOptions, root: string): Promise<StackSession> {
  const profile = await resolveProfile(options.profile, root);
  const session = new StackSession(profile, options, options.logger ?? stderrLogger);
  await session.open();
  return session;
}

let defaults: GlobalSetup | null = null;

/** Vitest calls this: with the plugin's options when `stigmerServer()` added it, else the defaults. */
export default function setup(project: SetupProject & PluginHost): Promise<() => Promise<void>> {
  const fromPlugin = findPluginApi(project)?.globalSetup;
  if (fromPlugin) return fromPlugin(project);
  defaults ??= createGlobalSetup();
  return defaults(project);
}
