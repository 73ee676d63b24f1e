/**
 * Watch mode in a real terminal (a pseudo-terminal): before each rerun the stack is checked
 * again, a stack this run owns that died is started again, and Ctrl-C releases it normally.
 * Under `fail`, a rerun that cannot get the stack back fails the tests that need it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fixtureProject } from './helpers/fixture-project.js';
import { fixtureStack } from './helpers/fixture-stack.js';
import { startVitest } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const WAITING = /Waiting for file changes/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

test('a stack that died is started again before the rerun; Ctrl-C stops it', async () => {
  const temp = await tempDir('watch');
  cleanups.push(temp.remove);
  const stack = await fixtureStack(temp.dir);
  cleanups.push(() => stack.cleanup());
  const project = await fixtureProject('custom-profile', temp.dir);
  const vitest = startVitest(project, {
    tty: true,
    args: ['--watch'],
    env: { FIXTURE_PROFILE: stack.specFile, FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache') },
  });
  cleanups.push(async () => {
    if (vitest.child.exitCode === null) vitest.signal('SIGKILL');
  });
  await vitest.waitForOutput('Waiting for file changes');
  expect(vitest.output()).toContain('2 passed');
  const [first] = await stack.events();
  expect(first?.what).toBe('start');

  // The server dies between runs; `a` reruns every test.
  process.kill(first!.pid, 'SIGKILL');
  vitest.write('a');
  await vitest.waitForOutput(/Waiting for file changes[\s\S]*Waiting for file changes/);
  const rerun = vitest.output().slice(vitest.output().indexOf('RERUN'));
  expect(rerun).toContain('fixture is no longer ready');
  expect(rerun).toContain('Ensuring it again (it was started by this run, which owns it).');
  expect(rerun).toMatch(
    /✓ fixture is available again \(started by this run, which owns it\) after [\d.]+ s/,
  );
  expect(rerun).toContain('2 passed');
  const events = await stack.events();
  expect(events.map((e) => e.what)).toEqual(['start', 'start']);

  // Nothing changed: the next rerun only probes.
  vitest.write('a');
  await vitest.waitForOutput(new RegExp(`(${WAITING.source}[\\s\\S]*){3}`));
  expect(count(vitest.output(), /is not running: starting it/g)).toBe(2);

  // Ctrl-C in interactive watch mode is a key press: Vitest tears down, the lease is released.
  vitest.write('\x03');
  const { output } = await vitest.exited;
  expect(output).toContain('fixture stopped');
  expect((await stack.events()).map((e) => e.what)).toEqual(['start', 'start', 'stop']);
  await stack.assertNothingRunning();
});

// Issue 12's guard: under 'fail', a rerun that finds the stack gone and cannot start it again
// must fail the tests that need it (skipping them would turn a broken stack green).
test("under 'fail', a rerun that cannot bring the stack back fails the suite, never skips it", async () => {
  const temp = await tempDir('watch-fail');
  cleanups.push(temp.remove);
  const failFile = path.join(temp.dir, 'fail-now');
  const stack = await fixtureStack(temp.dir, { FIXTURE_FAIL_IF_EXISTS: failFile });
  cleanups.push(() => stack.cleanup());
  const project = await fixtureProject('custom-profile', temp.dir);
  const vitest = startVitest(project, {
    tty: true,
    args: ['--watch', '--reporter=verbose'],
    env: {
      FIXTURE_PROFILE: stack.specFile,
      FIXTURE_POLICY: 'fail',
      FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache'),
    },
  });
  cleanups.push(async () => {
    if (vitest.child.exitCode === null) vitest.signal('SIGKILL');
  });
  await vitest.waitForOutput('Waiting for file changes');
  expect(vitest.output()).toContain('2 passed');
  const [first] = await stack.events();

  // The server dies and cannot start again.
  await writeFile(failFile, '');
  process.kill(first!.pid, 'SIGKILL');
  vitest.write('a');
  // The rerun's end: "Waiting for file changes" again, or "Tests failed. Watching ...".
  await vitest.waitForOutput(/Waiting for file changes[\s\S]*(Waiting|Watching) for file changes/);
  const rerun = vitest.output().slice(vitest.output().indexOf('RERUN'));
  expect(rerun).toContain('fixture is no longer ready');
  expect(rerun).toMatch(/× tests\/stack\.test\.mjs > fixture stack > fixture is unavailable/);
  expect(rerun).toMatch(/fixture is unavailable: .*exited with code 1/);
  expect(rerun).toMatch(/Tests\s+1 failed/);
  expect(rerun).not.toMatch(/skipped/);
  expect(rerun).toContain('Tests failed. Watching for file changes');

  vitest.write('\x03');
  await vitest.exited;
  await stack.assertNothingRunning();
});
