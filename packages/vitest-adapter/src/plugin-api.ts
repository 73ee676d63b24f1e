/**
 * How the globalSetup file finds the plugin that added it. The plugin object travels with the
 * project's Vite config (`project.vite.config.plugins`), so the setup runs with the options,
 * and the very profile objects, the config created; the setup file itself may be a second copy
 * of this package (Vitest loads it through its module runner, the config through Vite's bundler).
 */
import type { SetupProject } from './project.js';

export const PLUGIN_NAME = 'stigmer-e2e';

/** What the globalSetup file calls: set up a project, get its teardown. */
export type GlobalSetup = (project: SetupProject) => Promise<() => Promise<void>>;

export interface PluginApi {
  readonly globalSetup: GlobalSetup;
}

/** The parts of a Vitest project that lead to its plugins (`TestProject.vite` in Vitest 4 and 5). */
export interface PluginHost {
  readonly vite?: { readonly config?: { readonly plugins?: readonly unknown[] } };
}

export function findPluginApi(project: PluginHost): PluginApi | null {
  for (const plugin of project.vite?.config?.plugins ?? []) {
    const candidate = plugin as { name?: unknown; api?: Partial<PluginApi> } | null;
    if (candidate?.name === PLUGIN_NAME && typeof candidate.api?.globalSetup === 'function')
      return candidate.api as PluginApi;
  }
  return null;
}
