#!/usr/bin/env node
// Runs the code blocks of the READMEs that a user would paste, as written, against the emulator
// standing in for `stigmer` (an emulated machine: fresh HOME, free ports for stigmer-server,
// Temporal and the fake Ollama, the emulator's `docker` stand-in first on PATH; CI=1 so an
// unavailable stack fails instead of skipping), and fails naming the file and line of the block
// that failed, or that left a process running (but the Ollama a real `stigmer server stop`
// leaves on purpose, which is ended quietly).
//
// Every fenced block carries a marker on the line before it; an unmarked block is an error:
//   <!-- snippet skip="why it cannot run here" -->
//   <!-- snippet group=NAME file=PATH [then="COMMAND"] -->  write it to PATH in the group's
//        project (then run COMMAND there)
//   <!-- snippet group=NAME run -->  run it with bash in the group's project
// The first block of a group may add from=DIR (the project starts as a copy of that directory
// of the repository) or in=repository (it runs in the checkout itself). A group's blocks run in
// order, in one bash session (`set -eo pipefail`): what one exports, the next one sees.
// Without a group, a block is a group of its own.
//
// Usage: node scripts/readme-snippets.mjs [--report=FILE] [FILE...]   (after `pnpm build`;
// `pnpm test` runs it). Writes the results to .test-results/readme-snippets.json (or FILE), in
// the shape of Vitest's JSON report, for the total line of `pnpm test`.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/**
 * The READMEs and pages with blocks a user would paste. The emulator's README is left out: it
 * documents a test double of this repository, not something a user pastes.
 */
const FILES = [
  'README.md',
  'packages/core/README.md',
  'packages/vitest-adapter/README.md',
  'packages/action/README.md',
  'examples/any-runner/README.md',
  'examples/vitest-postgres/README.md',
  'examples/vitest-stigmer/README.md',
  'docs/action.md',
];
const GROUP_TIMEOUT_MS = 300_000;
const GROUPS_AT_ONCE = 3;

const emulator = await importBuilt('packages/emulator/dist/index.js');
const args = process.argv.slice(2);
const reportOption = args.find((a) => a.startsWith('--report='));
const REPORT = reportOption
  ? path.resolve(reportOption.slice('--report='.length))
  : path.join(root, '.test-results', 'readme-snippets.json');
const named = args.filter((a) => a !== reportOption);
const files = named.length > 0 ? named.map(shortName) : FILES;
const problems = [];
const results = [];
const runDir = mkdtempSync(path.join(os.tmpdir(), 'readme-snippets-'));
try {
  // One Go build cache for every group of this run: each `go test` does not compile from scratch.
  const shared = { GOCACHE: path.join(runDir, 'go-cache'), GOPATH: path.join(runDir, 'go-path') };
  const all = files.flatMap(groups);
  for (const group of all.filter((g) => g.skip)) {
    results.push({ title: group.where, status: 'skipped', note: group.skip });
    console.log(`- ${group.where}: not run (${group.skip})`);
  }
  const runOne = async (group) => {
    const started = Date.now();
    const failure = await runGroup(group, shared);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ title: group.where, status: failure ? 'failed' : 'passed', note: failure });
    console.log(
      failure ? `✗ ${group.where} (${seconds} s)\n${failure}` : `✓ ${group.where} (${seconds} s)`,
    );
  };
  // Groups in a project of their own run side by side (they mostly wait on processes); those in
  // the checkout itself run alone, after: they may rebuild what the others import.
  await inParallel(
    all.filter((g) => !g.skip && !g.inRepo),
    GROUPS_AT_ONCE,
    runOne,
  );
  for (const group of all.filter((g) => !g.skip && g.inRepo)) await runOne(group);
} finally {
  rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
}

for (const problem of problems) results.push({ title: problem, status: 'failed', note: problem });
writeReport(results);
const count = (status) => results.filter((r) => r.status === status).length;
console.log(
  `readme-snippets: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} not run (each marked with why)`,
);
if (count('failed') > 0) {
  for (const r of results.filter((r) => r.status === 'failed'))
    console.error(`  ✗ ${r.title}${r.note === r.title ? '' : `: ${r.note.split('\n')[0]}`}`);
  process.exit(1);
}

/** The blocks of a file, in groups, from their markers. */
function groups(file) {
  const lines = readFileSync(path.resolve(root, file), 'utf8').split('\n');
  const found = new Map();
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)/.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const block = {
      where: `${file}:${i + 1}`,
      lang: open[2],
      source: lines
        .slice(i + 1, end)
        .map((l) => l.slice(open[1].length))
        .join('\n'),
    };
    const marker = /^\s*<!--\s*snippet\b(.*?)-->\s*$/.exec(previousLine(lines, i));
    i = end;
    if (!marker) {
      problems.push(
        `${block.where}: a code block without a marker: put <!-- snippet ... --> before it (see scripts/readme-snippets.mjs)`,
      );
      continue;
    }
    const options = parseOptions(marker[1]);
    if ('skip' in options) {
      if (!options.skip) problems.push(`${block.where}: skip="..." needs the reason`);
      found.set(block.where, { where: block.where, skip: options.skip, blocks: [] });
      continue;
    }
    if (!('run' in options) && !options.file) {
      problems.push(`${block.where}: the marker says neither run, file=PATH nor skip="why"`);
      continue;
    }
    const key = options.group ? `${file}#${options.group}` : block.where;
    const group = found.get(key) ?? { where: block.where, blocks: [], from: null, inRepo: false };
    if (options.from) group.from = options.from;
    if (options.in === 'repository') group.inRepo = true;
    if (group.inRepo && options.file) {
      problems.push(
        `${block.where}: file=PATH in a group that runs in=repository would write into the checkout`,
      );
      continue;
    }
    group.blocks.push({ ...block, options });
    found.set(key, group);
  }
  return [...found.values()];
}

function previousLine(lines, i) {
  let j = i - 1;
  while (j >= 0 && lines[j].trim() === '') j--;
  return j >= 0 ? lines[j] : '';
}

/** `group=x file=a.ts then="npx vitest run" run skip="why"` -> { group, file, then, run, skip }. */
function parseOptions(text) {
  const options = {};
  for (const [, key, quoted, bare] of text.matchAll(/(\w+)(?:=(?:"([^"]*)"|(\S+)))?/g))
    options[key] = quoted ?? bare ?? true;
  return options;
}

/** Runs a group's blocks as one bash script; returns null, or why it failed (file:line first). */
async function runGroup(group, shared) {
  const dir = mkdtempSync(path.join(runDir, 'group-'));
  const home = path.join(dir, 'home');
  const tmp = path.join(dir, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  const project = group.inRepo ? root : makeProject(path.join(dir, 'project'), group.from);
  const id = path.basename(dir);
  const env = {
    ...process.env,
    ...(await stigmerStandIn(home)),
    ...shared,
    HOME: home,
    TMPDIR: tmp,
    CI: '1',
    NO_COLOR: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    XDG_CONFIG_HOME: path.join(home, '.config'),
    README_SNIPPETS_RUN: id, // every process of this group carries it: how leftovers are found
  };
  for (const name of Object.keys(env))
    if (name.startsWith('VITEST') || name === 'TEST') delete env[name];
  const script = ['set -eo pipefail'];
  for (const block of group.blocks) {
    script.push(`echo '[snippet] ${block.where}' >&2`);
    if (block.options.file) {
      const target = block.options.file;
      script.push(`mkdir -p "$(dirname '${target}')"`, `cat > '${target}' <<'README_SNIPPET_EOF'`);
      script.push(block.source, 'README_SNIPPET_EOF');
      if (block.options.then) script.push(block.options.then);
    } else {
      script.push(block.source);
    }
  }
  const ran = await run('bash', ['-c', script.join('\n')], { cwd: project, env });
  const { left, spared } = await leftovers(id);
  for (const { pid, start } of [...left, ...spared]) {
    // Signalled only if it is still the same process (pid and start time).
    if (startTime(pid) === start) process.kill(pid, 'SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  if (ran.code === 0 && left.length === 0) return null;
  const where = [...ran.output.matchAll(/^\[snippet\] (\S+)$/gm)].at(-1)?.[1] ?? group.where;
  const why = ran.timedOut
    ? `timed out after ${GROUP_TIMEOUT_MS / 1000} s`
    : ran.code !== 0
      ? `exited ${ran.code}`
      : `left ${left.length} process(es) running (pid ${left.map((p) => p.pid).join(', ')}; killed)`;
  const tail = ran.output.trimEnd().split('\n').slice(-40).join('\n');
  return `${where}: ${why}. Its output (last 40 lines):\n${tail.replace(/^/gm, '    ')}`;
}

/** A temp project where the workspace's packages are installed, as a user's would be. */
function makeProject(project, from) {
  if (from)
    cpSync(path.join(root, from), project, {
      recursive: true,
      filter: (src) => path.basename(src) !== 'node_modules',
    });
  else mkdirSync(project);
  if (!existsSync(path.join(project, 'package.json')))
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  const modules = path.join(project, 'node_modules');
  mkdirSync(path.join(modules, '@stigmer'), { recursive: true });
  mkdirSync(path.join(modules, '.bin'));
  const adapter = path.join(root, 'packages/vitest-adapter');
  const vitest = realpathSync(path.join(adapter, 'node_modules/vitest'));
  symlinkSync(path.join(root, 'packages/core'), path.join(modules, '@stigmer/e2e-core'));
  symlinkSync(adapter, path.join(modules, '@stigmer/e2e-vitest'));
  symlinkSync(vitest, path.join(modules, 'vitest'));
  symlinkSync(
    path.join(root, 'packages/core/bin/stigmer-e2e.js'),
    path.join(modules, '.bin/stigmer-e2e'),
  );
  symlinkSync(path.join(vitest, 'vitest.mjs'), path.join(modules, '.bin/vitest'));
  return project;
}

/**
 * The emulator as the user's `stigmer` (STIGMER_E2E_BIN) on an emulated machine in `home`: free
 * ports (its knobs) that the Stigmer profile is told about (STIGMER_SERVER_ADDR,
 * TEMPORAL_ADDRESS), the fake Ollama on a port of its own, and PATH with the `docker` stand-in
 * first (no Docker engine runs here). The one place that knows the emulator.
 */
async function stigmerStandIn(home) {
  const machine = await emulator.emulatedMachine(home);
  return {
    ...machine.env,
    ...machine.addresses,
    STIGMER_E2E_BIN: path.join(root, 'packages/emulator/bin/stigmer.js'),
  };
}

/**
 * Live processes of a group (they carry README_SNIPPETS_RUN=id), once all but the spared had a
 * moment to exit: `spared` holds the Ollama servers a real `stigmer server stop` (and so
 * stigmer-e2e) leaves running on purpose, `left` the rest. Linux: others have no /proc.
 */
async function leftovers(id) {
  if (!existsSync('/proc/self/environ')) return { left: [], spared: [] };
  // A stack stopped at the very end of a group may take a moment to exit.
  for (let attempt = 0; ; attempt++) {
    const found = readdirSync('/proc')
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid !== process.pid && carries(pid, id))
      .map((pid) => ({ pid, start: startTime(pid) }))
      .filter((p) => p.start !== null);
    const left = found.filter((p) => !isLeftOllama(p.pid));
    if (left.length === 0 || attempt === 50)
      return { left, spared: found.filter((p) => !left.includes(p)) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Ollama server that `stigmer server` started in its HOME: the pid in ~/.stigmer/llm.pid. */
function isLeftOllama(pid) {
  try {
    const home = readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .find((v) => v.startsWith('HOME='))
      ?.slice('HOME='.length);
    if (!home) return false;
    return (
      Number.parseInt(readFileSync(path.join(home, '.stigmer', 'llm.pid'), 'utf8'), 10) === pid
    );
  } catch {
    return false;
  }
}

function carries(pid, id) {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .includes(`README_SNIPPETS_RUN=${id}`);
  } catch {
    return false; // gone meanwhile, or not ours to read
  }
}

/** The start time of a live process (field 22 of /proc/PID/stat), null if gone or a zombie. */
function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? null : fields[19];
  } catch {
    return null;
  }
}

function run(command, args, { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, GROUP_TIMEOUT_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** A file named on the command line, as the results name it: relative to the repository. */
function shortName(file) {
  const relative = path.relative(root, path.resolve(file));
  return relative.startsWith('..') ? path.resolve(file) : relative;
}

async function inParallel(items, limit, work) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length > 0) await work(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function importBuilt(file) {
  const full = path.join(root, file);
  if (!existsSync(full)) {
    console.error(`readme-snippets: ${file} is not built. Run \`pnpm build\` first.`);
    process.exit(1);
  }
  return import(full);
}

/** The results in the shape of Vitest's JSON report, so `pnpm test` counts them like the rest. */
function writeReport(list) {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  const tally = (status) => list.filter((r) => r.status === status).length;
  const report = {
    numPassedTests: tally('passed'),
    numFailedTests: tally('failed'),
    numPendingTests: tally('skipped'),
    numTodoTests: 0,
    numTotalTests: list.length,
    success: tally('failed') === 0,
    testResults: [
      {
        name: 'README snippets',
        assertionResults: list.map((r) => ({
          title: r.title,
          fullName: r.title,
          status: r.status,
          failureMessages: r.status === 'failed' ? [r.note] : [],
        })),
      },
    ],
  };
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
}
