#!/usr/bin/env node
// The published shape of every public package, checked on the tarball users would install:
// builds them, packs each with `pnpm pack` (as the release does, so `workspace:` ranges are
// rewritten), then
//   - the package.json fields users expect: exports with types, files, engines, license,
//     repository;
//   - README.md and LICENSE in the tarball, the LICENSE identical to the repository's;
//   - no `workspace:` or `catalog:` range left in the packed package.json;
//   - publint --strict (warnings fail too);
//   - attw --profile esm-only: the packages are ESM-only on purpose (`type: module`, no
//     `require` condition), so node10 and CommonJS resolution are not checked.
// Usage: node scripts/check-packages.mjs   (pnpm check:packages)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A command that failed: its own output already said why. */
class CommandError extends Error {}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const publicPackages = readdirSync(path.join(root, 'packages'))
  .map((name) => path.join(root, 'packages', name))
  .map((dir) => ({ dir, manifest: readJson(path.join(dir, 'package.json')) }))
  .filter(({ manifest }) => manifest && !manifest.private);

const problems = [];
const work = mkdtempSync(path.join(tmpdir(), 'check-packages-'));
try {
  run('pnpm', [
    'turbo',
    'run',
    'build',
    '--output-logs=errors-only',
    ...publicPackages.map(({ manifest }) => `--filter=${manifest.name}`),
  ]);
  for (const { dir, manifest } of publicPackages) {
    console.log(`\n=== ${manifest.name}`);
    checkManifest(manifest);
    const tarball = pack(dir, path.join(work, 'tarballs'));
    const unpacked = path.join(work, manifest.name.replace('/', '__'));
    mkdirSync(unpacked, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', unpacked]);
    checkTarball(manifest.name, path.join(unpacked, 'package'));
    if (!run('pnpm', ['exec', 'publint', 'run', tarball, '--strict'], { check: false }))
      problems.push(`${manifest.name}: publint failed (see above)`);
    if (
      !run('pnpm', ['exec', 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], {
        check: false,
      })
    )
      problems.push(`${manifest.name}: attw failed (see above)`);
  }
} catch (error) {
  if (!(error instanceof CommandError)) throw error;
  problems.push(error.message);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\ncheck-packages: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `\ncheck-packages: ok (${publicPackages.map(({ manifest }) => manifest.name).join(', ')})`,
);

function checkManifest(manifest) {
  const name = manifest.name;
  const exports = manifest.exports ?? {};
  for (const [subpath, target] of Object.entries(exports)) {
    if (subpath.endsWith('.json')) continue;
    if (typeof target !== 'object' || !target.types)
      problems.push(`${name}: exports["${subpath}"] has no "types" condition`);
  }
  if (!manifest.exports) problems.push(`${name}: no "exports"`);
  if (!Array.isArray(manifest.files)) problems.push(`${name}: no "files"`);
  if (!manifest.engines?.node) problems.push(`${name}: no "engines.node"`);
  if (!manifest.license) problems.push(`${name}: no "license"`);
  if (!manifest.description) problems.push(`${name}: no "description"`);
  // npm provenance (release.yml) refuses a package whose repository is not the publishing one;
  // npmjs.com also resolves the README's relative links against it.
  if (!manifest.repository?.url || !manifest.repository?.directory)
    problems.push(`${name}: no "repository" with "url" and "directory"`);
}

function checkTarball(name, dir) {
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    if (!readText(path.join(dir, file))) problems.push(`${name}: ${file} is not in the tarball`);
  }
  const license = readText(path.join(dir, 'LICENSE'));
  if (license && license !== readText(path.join(root, 'LICENSE')))
    problems.push(`${name}: its LICENSE differs from the repository's (copy the root LICENSE)`);
  const packed = readJson(path.join(dir, 'package.json')) ?? {};
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(packed[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range))
        problems.push(`${name}: ${field}.${dep} is "${range}" in the tarball (pack with pnpm)`);
    }
  }
}

function pack(dir, destination) {
  const before = new Set(readdirSafe(destination));
  run('pnpm', ['pack', '--pack-destination', destination], { cwd: dir, quiet: true });
  const made = readdirSafe(destination).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (made.length !== 1) throw new CommandError(`pnpm pack in ${dir} made ${made.length} tarballs`);
  return path.join(destination, made[0]);
}

/** Runs a command (inheriting stdio); false, or a thrown error with `check`, when it fails. */
function run(command, args, { cwd = root, check = true, quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  const ok = result.status === 0;
  if (!ok && check) {
    const why = result.error?.message ?? `exit ${result.status}`;
    throw new CommandError(`\`${command} ${args.join(' ')}\` failed (${why}; see above)`);
  }
  return ok;
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readJson(file) {
  const text = readText(file);
  return text === null ? null : JSON.parse(text);
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
