// The counts behind the total line of `pnpm test` (scripts/lib/test-reports.mjs), from reports
// in the formats the runners write: Vitest's JSON, JUnit XML (pytest, node --test), `go test -v`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { countReports } from '../lib/test-reports.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'test-reports-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pkg(name, files) {
  const reports = path.join(dir, name, '.test-results');
  mkdirSync(reports, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(reports, file), text);
  return path.join(dir, name);
}

const vitest = (passed, failed, skipped, success = failed === 0) =>
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: skipped,
    numTodoTests: 0,
    success,
  });

const PYTEST = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="3"><testcase classname="e2e.t" name="a" time="0.1" /><testcase classname="e2e.t" name="b"><failure message="assert 1 == 2">x</failure></testcase><testcase classname="e2e.t" name="c"><skipped type="pytest.skip" message="no stack">why</skipped></testcase></testsuite></testsuites>`;

const GO_VERBOSE = `=== RUN   TestA
--- PASS: TestA (0.00s)
=== RUN   TestB
=== RUN   TestB/sub
    --- PASS: TestB/sub (0.00s)
--- FAIL: TestB (0.01s)
=== RUN   TestC
    stack_test.go:12: STIGMER_SERVER_ADDR is not set
--- SKIP: TestC (0.00s)
FAIL
`;

test('Vitest JSON plus pytest JUnit plus go test -v: added up, each extra report named', () => {
  const counts = countReports(
    pkg('mixed', {
      'vitest.json': vitest(10, 0, 2),
      'pytest.xml': PYTEST,
      'go-test.txt': GO_VERBOSE,
    }),
  );
  assert.deepEqual(
    { passed: counts.passed, failed: counts.failed, skipped: counts.skipped },
    { passed: 12, failed: 2, skipped: 4 },
  );
  assert.equal(
    counts.note,
    'go-test 1 passed, 1 failed, 1 skipped; pytest 1 passed, 1 failed, 1 skipped',
  );
});

test('node --test JUnit: describe blocks are not tests, failures are', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testsuite name="the demo" time="1" disabled="0" errors="0" tests="2" failures="1" skipped="0" hostname="vm">
		<testcase name="one" time="0.1" classname="test"/>
		<testcase name="two" time="0.1" classname="test">
			<failure type="testCodeFailure" message="boom">[Error: boom]</failure>
		</testcase>
	</testsuite>
</testsuites>`;
  const counts = countReports(pkg('node', { 'scripts.xml': xml }));
  assert.deepEqual([counts.passed, counts.failed, counts.skipped], [1, 1, 0]);
});

test('no report: its tests did not run, which counts as a failure', () => {
  const counts = countReports(path.join(dir, 'never-ran'));
  assert.equal(counts.failed, 1);
  assert.match(counts.note, /no test report: its tests did not run/);
});

test('a Vitest run that failed outside any test counts as one failure', () => {
  const counts = countReports(pkg('crashed', { 'vitest.json': vitest(3, 0, 0, false) }));
  assert.deepEqual([counts.passed, counts.failed], [3, 1]);
});
