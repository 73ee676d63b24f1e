/**
 * Two Vitest runs on one emulated Stigmer stack, as two terminals on one machine: the first
 * starts it, the second joins it while the first holds it. What each prints is core's
 * vocabulary, and the CLI says the same (packages/core/test/joiner.test.ts): the joiner says it
 * uses a stack another run started; whoever leaves first says it left the stack running for
 * the other; whoever leaves last says it stopped it, and whether it had started it.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { fixtureProject } from './helpers/fixture-project.js';
import { waitFor } from './helpers/processes.js';
import { startVitest } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STARTED = /✓ stigmer is available \(started by this run, which owns it\) after [\d.]+ s/;
const JOINED =
  /✓ stigmer is available \(started by another stigmer-e2e run: shared, the last run out stops it\) after [\d.]+ s/;
const LEFT_RUNNING = 'stigmer left running for 1 other run; the last one out stops it.';

/** One emulated stack in its own HOME, and the runs on it. */
async function machine(): Promise<{ stack: EmulatedStigmer; dir: string }> {
  const temp = await tempDir('joiner');
  cleanups.push(temp.remove);
  const stack = await emulatedStigmer(path.join(temp.dir, 'home'));
  cleanups.push(stack.cleanup);
  return { stack, dir: temp.dir };
}

/**
 * `vitest run` in a project of its own on the stack; its test holds the stack (the run's lease)
 * from the moment it runs until `leave()`, which resolves with the run's output.
 */
async function holdingRun(stack: EmulatedStigmer, dir: string, name: string) {
  const running = path.join(dir, `${name}-running`);
  const leaveFile = path.join(dir, `${name}-leave`);
  const run = startVitest(await fixtureProject('stigmer-profile', path.join(dir, name)), {
    args: ['run', '--reporter=verbose'],
    env: {
      ...stack.fixtureEnv,
      FIXTURE_CACHE_DIR: path.join(dir, name, 'cache'),
      FIXTURE_RUNNING_FILE: running,
      FIXTURE_HOLD_UNTIL_FILE: leaveFile,
    },
  });
  cleanups.push(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.signal('SIGKILL');
  });
  await waitFor(() => existsSync(running), 90_000, `the ${name} run's test to hold the stack`);
  return {
    async leave(): Promise<string> {
      await writeFile(leaveFile, '');
      const { code, output } = await run.exited;
      expect(code, output).toBe(0);
      expect(output).toMatch(/Tests\s+2 passed/);
      return output;
    },
  };
}

const COMPONENTS = ['agent-runner', 'stigmer-server', 'temporal', 'workflow-runner'];

test('the joiner leaves first: it says it shared the stack and left it running; the starter stops it', async () => {
  const { stack, dir } = await machine();
  const first = await holdingRun(stack, dir, 'first');
  const second = await holdingRun(stack, dir, 'second');

  const joiner = await second.leave();
  expect(joiner).toMatch(JOINED);
  expect(joiner).toContain(LEFT_RUNNING);
  expect(joiner).not.toContain('started by this run');
  expect(joiner).not.toContain('stigmer stopped');
  expect(Object.keys(await stack.running()).sort()).toEqual(COMPONENTS);

  const starter = await first.leave();
  expect(starter).toMatch(STARTED);
  expect(starter).toMatch(
    /stigmer stopped in [\d.]+ s \(this run started it and was the last one using it\)\./,
  );
  expect(starter).not.toContain('left running');
  expect(await stack.running()).toEqual({});
  await stack.assertStopped([]);
});

test('the starter leaves first: it leaves the stack running; the joiner, last out, stops a stack it did not start', async () => {
  const { stack, dir } = await machine();
  const first = await holdingRun(stack, dir, 'first');
  const second = await holdingRun(stack, dir, 'second');

  const starter = await first.leave();
  expect(starter).toMatch(STARTED);
  expect(starter).toContain(LEFT_RUNNING);
  expect(starter).not.toContain('stigmer stopped');
  expect(Object.keys(await stack.running()).sort()).toEqual(COMPONENTS);

  const joiner = await second.leave();
  expect(joiner).toMatch(JOINED);
  expect(joiner).toMatch(
    /stigmer stopped in [\d.]+ s \(another run started it; this run was the last one using it\)\./,
  );
  expect(joiner).not.toContain('started by this run');
  expect(await stack.running()).toEqual({});
  await stack.assertStopped([]);
});
