/**
 * A fixture project copied into a test's temp dir, with a node_modules that resolves `vitest`,
 * `@stigmer/e2e-vitest` and `@stigmer/e2e-core`:
 * - by default, links into this workspace (the adapter's own Vitest 4, the built packages);
 * - with STIGMER_E2E_FIXTURE_NODE_MODULES, that directory instead: an npm install of the packed
 *   packages and another Vitest (scripts/test-vitest5.mjs uses it for Vitest 5 on Node 24).
 */
import { cp, mkdir, realpath, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures');

export type FixtureName =
  | 'custom-profile'
  | 'stigmer-profile'
  | 'projects'
  | 'plain-setup'
  | 'setup-file';

export async function fixtureProject(name: FixtureName, dir: string): Promise<string> {
  const project = path.join(dir, name);
  await cp(path.join(FIXTURES, name), project, { recursive: true });
  const external = process.env.STIGMER_E2E_FIXTURE_NODE_MODULES;
  if (external) {
    await symlink(path.resolve(external), path.join(project, 'node_modules'), 'dir');
    return project;
  }
  const modules = path.join(project, 'node_modules');
  await mkdir(path.join(modules, '@stigmer'), { recursive: true });
  const own = path.join(PACKAGE_DIR, 'node_modules');
  await symlink(await realpath(path.join(own, 'vitest')), path.join(modules, 'vitest'), 'dir');
  await symlink(PACKAGE_DIR, path.join(modules, '@stigmer', 'e2e-vitest'), 'dir');
  await symlink(
    await realpath(path.join(own, '@stigmer', 'e2e-core')),
    path.join(modules, '@stigmer', 'e2e-core'),
    'dir',
  );
  return project;
}
