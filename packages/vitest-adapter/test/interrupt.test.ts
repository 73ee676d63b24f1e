/**
 * Ctrl-C during `vitest run`: Vitest exits without its teardown, so the lease dies with the
 * process. What that run started is stopped by the next run (it adopts it) or by core's
 * watchdog; never left running.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { emulatedStigmer } from './helpers/emulated-stigmer.js';
import { fixtureProject } from './helpers/fixture-project.js';
import { waitFor } from './helpers/processes.js';
import {
  runVitest,
  startVitest,
  statuses,
  vitestMajor,
  vitestTempDirs,
} from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test('SIGINT in the middle of a run, then a normal run: nothing is left running', async () => {
  const temp = await tempDir('interrupt');
  cleanups.push(temp.remove);
  const stack = await emulatedStigmer(path.join(temp.dir, 'home'));
  cleanups.push(stack.cleanup);
  const project = await fixtureProject('stigmer-profile', temp.dir);
  const running = path.join(temp.dir, 'running');
  const env = { ...stack.fixtureEnv, FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache') };

  const interrupted = startVitest(project, {
    env: { ...env, FIXTURE_SLEEP_MS: '60000', FIXTURE_RUNNING_FILE: running },
  });
  cleanups.push(async () => {
    if (groupAlive(interrupted.child.pid!)) interrupted.signal('SIGKILL');
  });
  await waitFor(() => existsSync(running), 60_000, 'the test to be running');
  const started = await stack.running();
  expect(Object.keys(started).sort()).toEqual([
    'agent-runner',
    'stigmer-server',
    'temporal',
    'workflow-runner',
  ]);
  interrupted.signal('SIGINT');
  const { code, signal } = await interrupted.exited;
  expect(code === 130 || signal === 'SIGINT', `exit ${code} ${signal}`).toBe(true);
  // Vitest and its workers are gone, without a teardown: nothing released the lease.
  await waitFor(() => !groupAlive(interrupted.child.pid!), 10_000, 'the Vitest process group');
  // Nor did Vitest 4 remove its temp dir (`<tmpdir>/<id>/ssr`): it is in the test's, not in
  // /tmp. Vitest 5 leaves nothing there (no `ssr` copies on disk for this run).
  expect(await vitestTempDirs(project)).toEqual(
    vitestMajor(interrupted.output())! >= 5 ? [] : [expect.stringMatching(/\/ssr$/)],
  );

  // The next run either adopts what the killed run started (and stops it when done), or, if
  // core's watchdog stopped it first, starts it afresh. Either way nothing outlives it.
  const next = await runVitest(project, { env });
  expect(next.code, next.output).toBe(0);
  expect(Object.values(statuses(next.report)), next.output).toEqual(['passed', 'passed']);
  expect(next.output).toMatch(/adopting it|no longer whole|is not running: starting it/);
  expect(next.output).toContain('stigmer stopped');
  await stack.assertStopped(Object.values(started));
  expect(await stack.running()).toEqual({});
});

test('SIGINT while the stack is still starting, then a normal run: nothing is left running', async () => {
  const temp = await tempDir('interrupt-start');
  cleanups.push(temp.remove);
  const stack = await emulatedStigmer(path.join(temp.dir, 'home'), { startDelayMs: 2_000 });
  cleanups.push(stack.cleanup);
  const project = await fixtureProject('stigmer-profile', temp.dir);
  const env = { ...stack.fixtureEnv, FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache') };

  const interrupted = startVitest(project, { env });
  cleanups.push(async () => {
    if (groupAlive(interrupted.child.pid!)) interrupted.signal('SIGKILL');
  });
  await interrupted.waitForOutput('is not running: starting it');
  interrupted.signal('SIGINT');
  await interrupted.exited;
  await waitFor(() => !groupAlive(interrupted.child.pid!), 10_000, 'the Vitest process group');

  const next = await runVitest(project, { env });
  expect(next.code, next.output).toBe(0);
  expect(Object.values(statuses(next.report)), next.output).toEqual(['passed', 'passed']);
  expect(next.output).toContain('stigmer stopped');
  expect(await stack.running()).toEqual({});
  await stack.assertStopped([]);
});
