#!/usr/bin/env node
// action.yml is the one source of the action's inputs and outputs. This script
//   - writes their tables into the docs, between marker comments:
//       <!-- action-docs:inputs -->  ...  <!-- /action-docs:inputs -->
//       <!-- action-docs:outputs --> ...  <!-- /action-docs:outputs -->
//   - checks the Marketplace metadata: name, a description under 125 characters, branding;
//   - checks every YAML example in the docs parses, and that each step using the action
//     (`uses: stigmer/server-action@...`, or `./` in this repository's workflows) passes only
//     inputs action.yml declares and reads only outputs it declares.
// Usage: node scripts/action-docs.mjs           rewrite the tables
//        node scripts/action-docs.mjs --check   fail, saying what to run, when anything drifted
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
/** Where the tables must be (more files may carry the markers). */
const TABLE_HOME = 'docs/action.md';
/** GitHub's branding colors (docs: metadata syntax, `branding.color`). */
const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark',
];
const MARKETPLACE_DESCRIPTION_MAX = 124; // the Marketplace refuses 125 characters or more

const problems = [];
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'));
checkMetadata(action);
const inputs = Object.entries(action.inputs ?? {});
const outputs = Object.entries(action.outputs ?? {});

const docs = docFiles();
const stale = [];
for (const file of docs) {
  const before = readFileSync(path.join(root, file), 'utf8');
  let after = replaceBlock(file, before, 'inputs', inputsTable());
  after = replaceBlock(file, after, 'outputs', outputsTable());
  if (after !== before) after = biomeFormat(file, after); // as `biome ci` wants it
  if (after !== before) {
    if (check) stale.push(file);
    else writeFileSync(path.join(root, file), after);
    if (!check) console.log(`action-docs: wrote ${file}`);
  }
  checkExamples(file, before, { workflow: false });
}
for (const file of workflowFiles()) {
  checkExamples(file, readFileSync(path.join(root, file), 'utf8'), { workflow: true });
}
const home = readFileSync(path.join(root, TABLE_HOME), 'utf8');
for (const block of ['inputs', 'outputs']) {
  if (!home.includes(`<!-- action-docs:${block} -->`))
    problems.push(`${TABLE_HOME}: no <!-- action-docs:${block} --> marker (the ${block} table)`);
}
for (const file of stale) {
  problems.push(
    `${file}: the inputs/outputs tables differ from action.yml. Run \`pnpm action-docs\` and commit the result.`,
  );
}

if (problems.length > 0) {
  console.error(`action-docs: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `action-docs: ok (${inputs.length} inputs, ${outputs.length} outputs; ${docs.length} docs and the workflows checked)`,
);

function checkMetadata(meta) {
  if (typeof meta?.name !== 'string' || meta.name.trim() === '')
    problems.push('action.yml: no `name` (the Marketplace needs one)');
  if (typeof meta?.description !== 'string' || meta.description.trim() === '')
    problems.push('action.yml: no `description` (the Marketplace needs one)');
  else if (meta.description.length > MARKETPLACE_DESCRIPTION_MAX)
    problems.push(
      `action.yml: \`description\` has ${meta.description.length} characters; the Marketplace takes at most ${MARKETPLACE_DESCRIPTION_MAX}`,
    );
  if (!meta?.branding?.icon) problems.push('action.yml: no `branding.icon`');
  if (!BRANDING_COLORS.includes(meta?.branding?.color))
    problems.push(
      `action.yml: \`branding.color\` must be one of ${BRANDING_COLORS.join(', ')}, got \`${meta?.branding?.color}\``,
    );
  for (const [kind, entries] of [
    ['inputs', meta?.inputs],
    ['outputs', meta?.outputs],
  ]) {
    for (const [name, spec] of Object.entries(entries ?? {})) {
      if (typeof spec?.description !== 'string' || spec.description.trim() === '')
        problems.push(`action.yml: ${kind}.${name} has no description`);
    }
  }
}

function inputsTable() {
  return table(
    ['input', 'default', 'meaning'],
    inputs.map(([name, spec]) => [
      `\`${name}\`${spec.required === true ? ' (required)' : ''}`,
      spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``,
      cell(spec.description),
    ]),
  );
}

function outputsTable() {
  return table(
    ['output', 'meaning'],
    outputs.map(([name, spec]) => [`\`${name}\``, cell(spec.description)]),
  );
}

/** A Markdown table with padded columns (as Prettier would lay it out). */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function cell(text) {
  return String(text ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

/** The text as Biome formats Markdown (escapes, emphasis), so the two never disagree. */
function biomeFormat(file, text) {
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${file}`], {
    input: text,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    problems.push(`${file}: biome could not format it: ${result.stderr || result.error?.message}`);
    return text;
  }
  return result.stdout;
}

function replaceBlock(file, text, block, content) {
  const open = `<!-- action-docs:${block} -->`;
  const close = `<!-- /action-docs:${block} -->`;
  const start = text.indexOf(open);
  if (start === -1) return text;
  const end = text.indexOf(close, start);
  if (end === -1) {
    problems.push(`${file}: ${open} has no ${close} after it`);
    return text;
  }
  return `${text.slice(0, start + open.length)}\n\n${content}\n\n${text.slice(end)}`;
}

/** Every YAML example parses; steps using the action name only its inputs and outputs. */
function checkExamples(file, text, { workflow }) {
  const snippets = workflow ? [{ line: 1, source: text }] : yamlFences(text);
  const inputNames = new Set(inputs.map(([name]) => name));
  const outputNames = new Set(outputs.map(([name]) => name));
  for (const { line, source } of snippets) {
    const where = `${file}:${line}`;
    const documents = parseAllDocuments(source);
    const errors = documents.flatMap((d) => d.errors);
    if (errors.length > 0) {
      problems.push(`${where}: not valid YAML: ${errors[0].message.split('\n')[0]}`);
      continue;
    }
    const ids = new Set();
    for (const step of steps(documents.map((d) => d.toJS()))) {
      const uses = String(step.uses);
      const ours = /^stigmer\/server-action@/.test(uses) || (workflow && /^\.\/?$/.test(uses));
      if (!ours) continue;
      if (step.id) ids.add(String(step.id));
      for (const name of Object.keys(step.with ?? {})) {
        if (!inputNames.has(name))
          problems.push(`${where}: \`with: ${name}\` is not an input of action.yml`);
      }
    }
    for (const [, id, name] of source.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ids.has(id) && !outputNames.has(name))
        problems.push(`${where}: \`steps.${id}.outputs.${name}\` is not an output of action.yml`);
    }
  }
}

/** Every mapping with a `uses` key, however deep (a job's steps, or a bare list of steps). */
function* steps(value) {
  if (Array.isArray(value)) for (const item of value) yield* steps(item);
  else if (value && typeof value === 'object') {
    if (typeof value.uses === 'string') yield value;
    for (const child of Object.values(value)) yield* steps(child);
  }
}

function yamlFences(text) {
  const found = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    found.push({ line: start + 1, source: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

function docFiles() {
  const list = (dir) =>
    readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.posix.join(dir, f));
  const packageReadmes = ['packages', 'examples'].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .map((name) => path.posix.join(dir, name, 'README.md'))
      .filter((file) => exists(file)),
  );
  return ['README.md', ...list('docs'), ...packageReadmes];
}

function workflowFiles() {
  return readdirSync(path.join(root, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.posix.join('.github/workflows', f));
}

function exists(file) {
  try {
    readFileSync(path.join(root, file));
    return true;
  } catch {
    return false;
  }
}
