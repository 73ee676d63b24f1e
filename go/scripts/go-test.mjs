#!/usr/bin/env node
// `go test ./...` of this module as `pnpm test` runs it: every event of `go test -json` is kept
// in .test-results/go-test.json (for totals across the repository), a line per test is printed,
// with the whole output of each test that failed, and a total. Exits with go test's code. The
// build cache is .gocache/ (ignored by git) unless GOCACHE is set.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
mkdirSync(path.join(dir, '.test-results'), { recursive: true });
const report = createWriteStream(path.join(dir, '.test-results', 'go-test.json'));
const go = spawn('go', ['test', '-json', '-count=1', '-timeout=20m', './...'], {
  cwd: dir,
  // No module downloads: this module and its tests use the standard library only.
  env: {
    ...process.env,
    GOCACHE: process.env.GOCACHE || path.join(dir, '.gocache'),
    GOFLAGS: '',
    GOPROXY: 'off',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const exited = new Promise((resolve) => go.on('close', (code) => resolve(code ?? 1)));

const MARK = { pass: '✓', fail: '✗', skip: '-' };
const totals = { pass: 0, fail: 0, skip: 0 };
const output = new Map(); // test name -> its output so far
for await (const line of createInterface({ input: go.stdout })) {
  report.write(`${line}\n`);
  let event;
  try {
    event = JSON.parse(line);
  } catch {
    process.stdout.write(`${line}\n`); // not an event: a build error, say
    continue;
  }
  const { Action: action, Test: test, Package: pkg, Output: text, Elapsed: elapsed } = event;
  if (action === 'output') {
    if (test) output.set(test, (output.get(test) ?? '') + text);
    else if (!/^(PASS|FAIL|ok )/.test(text)) process.stdout.write(text);
  } else if (action in totals && test) {
    totals[action]++;
    const indent = '  '.repeat(test.split('/').length);
    process.stdout.write(`${indent}${MARK[action]} ${test} (${elapsed}s)\n`);
    if (action === 'fail' && !test.includes('/')) process.stdout.write(output.get(test) ?? '');
    output.delete(test);
  } else if (action in totals) {
    process.stdout.write(`${action === 'fail' ? 'FAIL' : 'ok'} ${pkg} (${elapsed}s)\n`);
  }
}
const code = await exited;
report.end();
console.log(
  `go test: ${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped (tests and subtests)`,
);
process.exit(code);
