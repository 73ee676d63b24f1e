// Shared by test-packed.mjs and test-vitest5.mjs: pack @stigmer/e2e-core and
// @stigmer/e2e-vitest as they would be published (pnpm pack rewrites workspace: and catalog:
// versions), install the tarballs with npm into an empty project beside a chosen Vitest, and
// run that project's Vitest on a chosen Node. Nothing here touches the workspace's node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));
export const WORKSPACE = path.resolve(PACKAGE_DIR, '../..');

export function step(title) {
  console.log(`\n--- ${title}`);
}

export function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`,
    );
  }
}

/**
 * The `node` binary of a Node major, from the npm registry's `node` package (it ships the
 * binary): `npx -y node@24` fetches it once into npm's cache.
 */
export function nodeBinary(major) {
  if (major === undefined) return process.execPath;
  step(`Node ${major} from the npm registry (npx -y node@${major})`);
  const bin = execFileSync(
    'npx',
    ['-y', `node@${major}`, '-e', 'process.stdout.write(process.execPath)'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${major}.`))
    throw new Error(`expected Node ${major} from npx -y node@${major}, got ${version} at ${bin}`);
  console.log(`${bin} (${version})`);
  return bin;
}

/**
 * An empty npm project in a fresh temp dir with the packed packages and `vitest@<range>`
 * installed. Returns its directory; `remove()` deletes it.
 */
export function packedProject({ vitest, prefix = 'stigmer-e2e-vitest-packed' }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const tarballs = path.join(dir, 'tarballs');
  const project = path.join(dir, 'project');
  mkdirSync(tarballs);
  mkdirSync(project);
  step('build and pack @stigmer/e2e-core and @stigmer/e2e-vitest');
  run('pnpm', ['--filter', '@stigmer/e2e-vitest...', 'build'], { cwd: WORKSPACE });
  for (const name of ['@stigmer/e2e-core', '@stigmer/e2e-vitest'])
    run('pnpm', ['--filter', name, 'pack', '--pack-destination', tarballs], { cwd: WORKSPACE });
  const files = readdirSync(tarballs).map((file) => path.join(tarballs, file));
  step(`npm install the tarballs and vitest@${vitest} into an empty project (${project})`);
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'empty-project', private: true, type: 'module' }, null, 2)}\n`,
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, `vitest@${vitest}`],
    { cwd: project },
  );
  return { dir, project, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
