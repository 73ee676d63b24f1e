// scripts/action-release.mjs fills a checkout of stigmer/server-action with what the runner needs
// and nothing else: what release.yml commits, tags vX.Y.Z and moves vX onto.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot, run } from './helpers.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'action-release-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the published tree: action.yml whose stages exist, ESM bundle, README, LICENSE; old files gone', async () => {
  const published = path.join(dir, 'published');
  mkdirSync(path.join(published, '.git'), { recursive: true });
  writeFileSync(path.join(published, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(path.join(published, 'stale.txt'), 'from the previous release');
  const ran = await run(process.execPath, ['scripts/action-release.mjs', published], {
    env: {
      ...process.env,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'stigmer/mono',
      GITHUB_SHA: 'abc1234',
    },
  });
  assert.equal(ran.code, 0, ran.stderr);

  assert.equal(existsSync(path.join(published, 'stale.txt')), false);
  assert.equal(
    readFileSync(path.join(published, '.git', 'HEAD'), 'utf8'),
    'ref: refs/heads/main\n',
  );
  assert.deepEqual(readdirSync(published).sort(), [
    '.git',
    'LICENSE',
    'README.md',
    'action.yml',
    'packages',
  ]);
  assert.equal(
    readFileSync(path.join(published, 'action.yml'), 'utf8'),
    readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'),
  );
  const { runs } = parse(readFileSync(path.join(published, 'action.yml'), 'utf8'));
  for (const stage of ['pre', 'main', 'post']) {
    const file = path.join(published, runs[stage]);
    assert.ok(existsSync(file), `${runs[stage]} is missing`);
    // The bundle is ESM: it parses as a module under the published package.json.
    const check = await run(process.execPath, ['--check', file]);
    assert.equal(check.code, 0, check.stderr);
  }
  assert.deepEqual(
    JSON.parse(readFileSync(path.join(published, 'packages/action/package.json'), 'utf8')),
    {
      private: true,
      type: 'module',
    },
  );
  const readme = readFileSync(path.join(published, 'README.md'), 'utf8');
  assert.match(readme, /^# The GitHub Action: `stigmer\/server-action`/);
  assert.match(readme, /Published from https:\/\/github\.com\/stigmer\/mono at abc1234/);
  assert.equal(
    readFileSync(path.join(published, 'LICENSE'), 'utf8'),
    readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'),
  );
});
