#!/usr/bin/env node
// `pnpm test`: every check of the repository, each one to its end even when another failed,
// then one total line from the test reports.
//   1. preflight, in seconds: Node, the installed workspace, and the system tools the tests run
//      (`scripts/setup.sh --check` names what is missing and how to install it);
//   2. lint (biome ci), typecheck, every package's tests (turbo, one package at a time,
//      --continue), the READMEs' snippets (scripts/readme-snippets.mjs), the tests of these
//      scripts (scripts/test/, node --test);
//   3. per package and in total: N passed, N failed, N skipped, from each package's
//      .test-results/ (Vitest's JSON report; examples/any-runner adds its pytest and Go suites).
// Exits 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { colorsWanted } from './lib/colors.mjs';
import { countReports, format, REPORTS } from './lib/test-reports.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const NODE_MIN = [20, 19];

const env = preflight();
const packages = testedPackages();
for (const dir of [root, ...packages.map((p) => p.dir)])
  rmSync(path.join(dir, REPORTS), { recursive: true, force: true }); // no stale counts

const steps = {
  // Biome colors its output even in a log file: only in a terminal, or when FORCE_COLOR asks.
  lint: step('lint', 'node_modules/.bin/biome', [
    'ci',
    '.',
    ...(colorsWanted() ? [] : ['--colors=off']),
  ]),
  typecheck: step('typecheck', 'node_modules/.bin/turbo', ['run', 'typecheck']),
  tests: step('tests', 'node_modules/.bin/turbo', [
    'run',
    'test',
    '--concurrency=1',
    '--continue',
    '--',
    // Every package writes the report the total is made of (some configs say so themselves).
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${REPORTS}/vitest.json`,
  ]),
  'README snippets': step('README snippets', process.execPath, ['scripts/readme-snippets.mjs']),
  scripts: step('scripts', process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${REPORTS}/scripts.xml`,
    ...readdirSync(path.join(root, 'scripts/test'))
      .filter((f) => f.endsWith('.test.mjs'))
      .map((f) => path.join('scripts/test', f)),
  ]),
};

const rows = [
  ...packages.map(({ name, dir }) => ({ name, ...countReports(dir) })),
  { name: 'README snippets', ...countReports(root, ['readme-snippets.json']) },
  { name: 'scripts', ...countReports(root, ['scripts.xml']) },
];
const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n--- tests, by package');
const width = Math.max(...rows.map((r) => r.name.length));
for (const row of rows) {
  for (const key of Object.keys(total)) total[key] += row[key];
  console.log(`  ${row.name.padEnd(width)}  ${format(row)}${row.note ? `  (${row.note})` : ''}`);
}
const failedSteps = Object.entries(steps)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
console.log(
  `\ntotal: ${format(total)}${failedSteps.length ? `; failed: ${failedSteps.join(', ')} (see above)` : ''}`,
);
process.exit(failedSteps.length > 0 || total.failed > 0 ? 1 : 0);

/** Checks what the slow steps need, so a missing tool is named in seconds, not minutes. */
function preflight() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < NODE_MIN[0] || (major === NODE_MIN[0] && minor < NODE_MIN[1]))
    fail(`Node ${NODE_MIN.join('.')}+ is needed, this is ${process.version}.`);
  if (!existsSync(path.join(root, 'node_modules/.bin/turbo')))
    fail('The workspace is not installed: run scripts/setup.sh (or pnpm install) first.');
  const check = spawnSync('bash', [path.join(root, 'scripts/setup.sh'), '--check'], {
    encoding: 'utf8',
  });
  if (check.error) fail(`Could not run scripts/setup.sh --check: ${check.error.message}`);
  if (check.status !== 0) fail(check.stderr.trim());
  const found = Object.fromEntries(
    check.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...process.env, ...found, TURBO_TELEMETRY_DISABLED: '1' };
}

function fail(message) {
  console.error(`pnpm test: ${message}`);
  process.exit(1);
}

function step(name, command, args) {
  console.log(`\n--- ${name}: ${path.basename(command)} ${args.join(' ')}`);
  const ran = spawnSync(path.resolve(root, command), args, { cwd: root, env, stdio: 'inherit' });
  if (ran.error) console.error(`${name}: could not run ${command}: ${ran.error.message}`);
  return ran.status === 0;
}

/** The workspace packages with a `test` script. */
function testedPackages() {
  const dirs = ['packages', 'examples'].flatMap((parent) =>
    readdirSync(path.join(root, parent)).map((name) => path.join(root, parent, name)),
  );
  return dirs
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'))) }))
    .filter(({ manifest }) => manifest.scripts?.test)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name }));
}
