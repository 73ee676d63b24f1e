// scripts/setup.sh --check and the preflight of `pnpm test` (scripts/test.mjs), with a PATH that
// hides the system tools the tests need: what is missing is named, with how to install it, in
// seconds and before anything slow runs.
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { run } from './helpers.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The tools the scripts themselves use (not Go, Python or PostgreSQL). */
const BASICS = ['bash', 'sh', 'ls', 'sort', 'tail', 'sed', 'dirname', 'id', 'env'];

/** A PATH of one dir: the basics, node, and `fakes` (name -> shell script body). */
function isolatedPath(name, fakes = {}) {
  const bin = path.join(dir, name);
  mkdirSync(bin);
  for (const tool of BASICS) {
    const found = ['/usr/bin', '/bin'].map((d) => path.join(d, tool)).find((f) => existsSync(f));
    if (found) symlinkSync(found, path.join(bin, tool));
  }
  symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const [tool, body] of Object.entries(fakes)) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  return bin;
}

const check = (env) =>
  run('bash', ['scripts/setup.sh', '--check'], { env: { ...process.env, ...env } });

test('setup.sh --check: Go and pytest hidden from PATH, named on one line with the apt packages', async () => {
  const ran = await check({ PATH: isolatedPath('none') });
  assert.equal(ran.code, 1, ran.stderr);
  const lines = ran.stderr.trim().split('\n');
  assert.equal(lines.length, 1, ran.stderr);
  assert.match(lines[0], /^missing for the tests: /);
  assert.match(lines[0], /Python 3 with pytest \(python3 -m pip install pytest\)/);
  assert.match(lines[0], /Go 1\.19\+ \(found: none; https:\/\/go\.dev\/dl\)/);
  assert.match(lines[0], /apt-get install -y .*python3-pytest.*golang-go/);
});

test('setup.sh --check: a Go older than 1.19 is named with its version', async () => {
  const PATH = isolatedPath('old-go', {
    go: 'echo "go version go1.18.1 linux/amd64"',
    python3: 'exit 0', // `python3 -m pytest --version` succeeds
  });
  const ran = await check({ PATH });
  assert.equal(ran.code, 1, ran.stderr);
  assert.match(ran.stderr, /Go 1\.19\+ \(found: go version go1\.18\.1 linux\/amd64;/);
  assert.doesNotMatch(ran.stderr, /pytest/);
});

test('setup.sh --check: all there, it prints the environment the tests need (PG_BIN)', async () => {
  const pg = path.join(dir, 'pg');
  mkdirSync(pg);
  writeFileSync(path.join(pg, 'pg_ctl'), '#!/bin/sh\n');
  chmodSync(path.join(pg, 'pg_ctl'), 0o755);
  const PATH = isolatedPath('all', {
    go: 'echo "go version go1.22.0 linux/amd64"',
    python3: 'exit 0',
  });
  const ran = await check({ PATH, PG_BIN: pg });
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.stdout, `PG_BIN=${pg}\n`);
});

test('pnpm test stops in its preflight, naming what is missing, before lint or any build', async () => {
  const started = Date.now();
  const ran = await run(process.execPath, ['scripts/test.mjs'], {
    env: { ...process.env, PATH: isolatedPath('pnpm-test') },
  });
  assert.equal(ran.code, 1, ran.stdout + ran.stderr);
  assert.match(ran.stderr, /^pnpm test: missing for the tests: .*Go 1\.19\+/);
  assert.doesNotMatch(ran.stdout, /--- lint/); // nothing else ran
  console.log(`preflight answered in ${Date.now() - started} ms`);
});
