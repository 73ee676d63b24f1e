// scripts/demo.mjs as a user runs it: its output in a log file (a pipe) carries no escape codes
// unless FORCE_COLOR asks for them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { run, withoutColorEnv } from './helpers.mjs';

const ESC = '\u001b[';

const demo = (env) =>
  run(process.execPath, ['scripts/demo.mjs'], { env: { ...withoutColorEnv(), ...env } });

// Each demo has its own HOME and ports: the two run side by side.
describe('the demo', { concurrency: 2 }, () => {
  test('piped to a file: plain text, no escape codes', async () => {
    const ran = await demo({});
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, /== 1\. Is the stack running\?/);
    assert.equal((ran.stdout + ran.stderr).includes(ESC), false);
  });

  test('FORCE_COLOR=1 asks for bold step titles even in a pipe', async () => {
    const ran = await demo({ FORCE_COLOR: '1' });
    assert.equal(ran.code, 0, ran.stderr);
    assert.ok(ran.stdout.includes(`${ESC}1m== 1. Is the stack running?${ESC}0m`), ran.stdout);
  });
});
