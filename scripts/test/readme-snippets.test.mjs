// scripts/readme-snippets.mjs on pages of its own: a block that fails is named by file and line,
// an unmarked block is an error, a skipped block says why, and the stand-in `stigmer` (the
// emulator, on free ports) is what `stigmer-e2e` finds.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { run } from './helpers.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'readme-snippets-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function snippets(name, markdown) {
  const page = path.join(dir, `${name}.md`);
  const report = path.join(dir, `${name}.json`);
  writeFileSync(page, markdown);
  const ran = await run(process.execPath, [
    'scripts/readme-snippets.mjs',
    `--report=${report}`,
    page,
  ]);
  return { ...ran, page, report: JSON.parse(readFileSync(report, 'utf8')) };
}

const fence = '```';

test('a group runs in order in one session; the block that fails is named by file and line', async () => {
  const { code, stdout, stderr, page, report } = await snippets(
    'failing',
    `# A page

<!-- snippet group=g run -->

${fence}sh
export GREETING=hello
${fence}

<!-- snippet group=g run -->

${fence}sh
test "$GREETING" = hello   # the first block's export is seen here
test "$CI" = 1 && test -d "$HOME" && test "$HOME" != "${os.homedir()}"
exit 3
${fence}
`,
  );
  assert.equal(code, 1, stdout + stderr);
  assert.match(stdout, new RegExp(`${page}:11: exited 3`));
  assert.deepEqual(
    [report.numPassedTests, report.numFailedTests, report.numPendingTests],
    [0, 1, 0],
  );
});

test('an unmarked block fails; a skipped one says why; the emulator stands in for stigmer', async () => {
  const { code, stdout, stderr, page, report } = await snippets(
    'mixed',
    `<!-- snippet skip="an install line" -->

${fence}sh
npm install --save-dev @stigmer/e2e-core
${fence}

<!-- snippet run -->

${fence}sh
npx stigmer-e2e run -- sh -c 'echo "server at $STIGMER_SERVER_ADDR"'
${fence}

${fence}sh
echo unmarked
${fence}
`,
  );
  assert.equal(code, 1, stdout + stderr);
  assert.match(stdout, new RegExp(`- ${page}:3: not run \\(an install line\\)`));
  assert.match(stdout, new RegExp(`✓ ${page}:9`));
  assert.match(stderr, new RegExp(`${page}:13: a code block without a marker`));
  assert.deepEqual(
    [report.numPassedTests, report.numFailedTests, report.numPendingTests],
    [1, 1, 1],
  );
});
