/**
 * The profile a command works on: the Stigmer stack, or the spec in `--config` (.js/.mjs with a
 * default export, or .json): a server spec, or a group (`{ members: [...] }`). Relative paths in
 * a config file are relative to the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProfileError } from '../errors.js';
import { type Group, isGroup } from '../group/group.js';
import type { GroupSpec } from '../group/spec.js';
import { isProfile, type Profile } from './profile.js';
import type { ServerSpec } from './spec.js';
import { type StigmerOptions, stigmer } from './stigmer.js';

/** `stigmerOptions` shape the Stigmer profile, used when no config file is given. */
export async function loadProfile(
  config: string | undefined,
  stigmerOptions: Pick<StigmerOptions, 'require'> = {},
): Promise<Profile> {
  const loaded = await loadConfig(config, stigmerOptions);
  if (!isGroup(loaded)) return loaded;
  throw new ProfileError(
    `${config} describes a group (${loaded.members.map((m) => m.name).join(', ')}), not one server: load it with loadConfig() and ensure it with ensureGroup().`,
  );
}

/** A server profile or a group, as the config file says (`members` makes it a group). */
export async function loadConfig(
  config: string | undefined,
  stigmerOptions: Pick<StigmerOptions, 'require'> = {},
): Promise<Profile | Group> {
  if (config === undefined) return stigmer(stigmerOptions);
  const file = path.resolve(config);
  const ext = path.extname(file);
  let spec: unknown;
  try {
    if (ext === '.json') {
      spec = JSON.parse(await readFile(file, 'utf8'));
    } else if (ext === '.js' || ext === '.mjs') {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      spec = mod.default;
      if (spec === undefined)
        throw new ProfileError(
          `${config} has no default export: export the server spec with \`export default { name, start, components, ... }\`, or a group with \`export default { members: [...] }\`.`,
        );
    } else {
      throw new ProfileError(
        `--config ${config}: expected a .js, .mjs or .json file, got "${ext || 'no extension'}".`,
      );
    }
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ERR_MODULE_NOT_FOUND'
        ? 'no such file'
        : (error as Error).message;
    throw new ProfileError(`Cannot load --config ${config} (${file}): ${why}.`);
  }
  if (isProfile(spec) || isGroup(spec)) return spec;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ProfileError(
      `${config}: expected the default export to be a server spec or a group ({ members: [...] }) object, got ${Array.isArray(spec) ? 'an array' : typeof spec}.`,
    );
  }
  if ('members' in spec) {
    const { defineGroup } = await import('../group/define-group.js');
    return defineGroup(spec as GroupSpec, { baseDir: path.dirname(file), source: config });
  }
  const { defineServer } = await import('./define-server.js');
  return defineServer(spec as ServerSpec, { baseDir: path.dirname(file), source: config });
}
