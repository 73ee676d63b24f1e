// The test reports `pnpm test` adds up (scripts/test.mjs): each package's .test-results/ holds
// Vitest's JSON report (vitest.json), and may hold JUnit XML (pytest's, node --test's) and
// `go test -v` output (*.txt).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPORTS = '.test-results';

/**
 * The counts of the reports in DIR/.test-results (only `names` if given). No report at all means
 * the tests did not run: that counts as a failure.
 */
export function countReports(dir, names) {
  const counts = { passed: 0, failed: 0, skipped: 0, note: '' };
  const notes = [];
  const reports = path.join(dir, REPORTS);
  const present = existsSync(reports) ? readdirSync(reports).sort() : [];
  const files = names ? present.filter((f) => names.includes(f)) : present;
  if (!files.some((f) => f.endsWith('.json') || f.endsWith('.xml'))) {
    counts.failed += 1;
    return { ...counts, note: 'no test report: its tests did not run, see above' };
  }
  for (const file of files) {
    const text = readFileSync(path.join(reports, file), 'utf8');
    const found = file.endsWith('.json')
      ? vitestCounts(text)
      : file.endsWith('.xml')
        ? junitCounts(text)
        : goVerboseCounts(text);
    if (!file.endsWith('.json'))
      notes.push(`${path.basename(file, path.extname(file))} ${format(found)}`);
    for (const key of ['passed', 'failed', 'skipped']) counts[key] += found[key];
    if (found.note) notes.push(found.note);
  }
  return { ...counts, note: notes.join('; ') };
}

function vitestCounts(text) {
  const r = JSON.parse(text);
  const counts = {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
  // A file that failed to load, or an error outside any test, fails the run without a test.
  if (!r.success && counts.failed === 0)
    return { ...counts, failed: 1, note: 'failed outside any test, see above' };
  return counts;
}

/** JUnit XML (pytest's --junitxml, node --test's junit reporter): each <testcase>. */
function junitCounts(text) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [, body = ''] of text.matchAll(/<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (/<(failure|error)\b/.test(body)) counts.failed += 1;
    else if (/<skipped\b/.test(body)) counts.skipped += 1;
    else counts.passed += 1;
  }
  return counts;
}

/** `go test -v` output: one `--- PASS|FAIL|SKIP: Name` line per top-level test. */
function goVerboseCounts(text) {
  const count = (word) => text.match(new RegExp(`^--- ${word}: `, 'gm'))?.length ?? 0;
  return { passed: count('PASS'), failed: count('FAIL'), skipped: count('SKIP') };
}

export function format({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
