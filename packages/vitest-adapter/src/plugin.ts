import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vitest/config';
import { createGlobalSetup } from './global-setup.js';
import type { StigmerServerOptions } from './options.js';
import { PLUGIN_NAME, type PluginApi } from './plugin-api.js';

/** dist/global-setup.js, beside this file once built. */
const GLOBAL_SETUP_FILE = fileURLToPath(new URL('./global-setup.js', import.meta.url));

/**
 * A Vitest plugin that runs the stack for the test run: it adds a globalSetup that ensures the
 * stack before the tests, provides it as `inject('stigmer')`, checks it again before each
 * watch-mode rerun, and releases it after the run (stopping it only if this run started it and
 * no other run uses it).
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { stigmerServer } from '@stigmer/e2e-vitest';
 *
 * export default defineConfig({ plugins: [stigmerServer({ onUnavailable: 'skip' })] });
 */
export function stigmerServer(options: StigmerServerOptions = {}): Plugin {
  const api: PluginApi = { globalSetup: createGlobalSetup(options) };
  return {
    name: PLUGIN_NAME,
    api,
    config(config) {
      const listed = config.test?.globalSetup ?? [];
      if ((Array.isArray(listed) ? listed : [listed]).includes(GLOBAL_SETUP_FILE)) return;
      return { test: { globalSetup: [GLOBAL_SETUP_FILE] } };
    },
  };
}
