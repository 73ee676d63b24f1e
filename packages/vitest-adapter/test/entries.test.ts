/**
 * The other ways in: the plain globalSetup entry (defaults), a setup file of the user's own
 * with createGlobalSetup(), the Stigmer profile through the plugin, and test.projects.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { StigmerContext } from '../src/index.js';
import { emulatedStigmer } from './helpers/emulated-stigmer.js';
import { fixtureProject } from './helpers/fixture-project.js';
import { fixtureStack } from './helpers/fixture-stack.js';
import { runVitest, statuses } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function temp(prefix: string) {
  const t = await tempDir(prefix);
  cleanups.push(t.remove);
  return {
    dir: t.dir,
    cache: path.join(t.dir, 'cache'),
    contextFile: path.join(t.dir, 'ctx.json'),
  };
}

const readContext = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as StigmerContext;

test('the Stigmer profile through the plugin: started, addresses injected, stopped after', async () => {
  const { dir, cache, contextFile } = await temp('stigmer');
  const stack = await emulatedStigmer(path.join(dir, 'home'));
  cleanups.push(stack.cleanup);
  const project = await fixtureProject('stigmer-profile', dir);
  const run = await runVitest(project, {
    env: { ...stack.fixtureEnv, FIXTURE_CACHE_DIR: cache, FIXTURE_CONTEXT_FILE: contextFile },
  });
  expect(run.code, run.output).toBe(0);
  expect(statuses(run.report)).toEqual({
    'stigmer stack stigmer-server accepts connections': 'passed',
    'stigmer stack temporal accepts connections': 'passed',
  });
  const context = await readContext(contextFile);
  expect(context).toMatchObject({ profile: 'stigmer', available: true, owned: true });
  expect(context.env).toMatchObject({
    STIGMER_SERVER_ADDR: `localhost:${stack.fixtureEnv.FIXTURE_SERVER_PORT}`,
    TEMPORAL_ADDRESS: `localhost:${stack.fixtureEnv.FIXTURE_TEMPORAL_PORT}`,
  });
  expect(context.components.map((c) => c.name)).toContain('temporal');
  // The engine's own `docker inspect`, run from the Vitest process, saw the container.
  expect(
    context.components.find((c) => c.name === 'agent-runner'),
    run.output,
  ).toMatchObject({
    ready: true,
  });
  expect(run.output).toContain('stigmer stopped');
  expect(await stack.running()).toEqual({});
  await stack.assertStopped([]);
});

test("the plain '@stigmer/e2e-vitest/global-setup' entry: the Stigmer profile's defaults", async () => {
  const { dir, cache, contextFile } = await temp('plain');
  const stack = await emulatedStigmer(path.join(dir, 'home'));
  cleanups.push(stack.cleanup);
  const project = await fixtureProject('plain-setup', dir);
  const run = await runVitest(project, {
    env: { ...stack.defaultsEnv, FIXTURE_CACHE_DIR: cache, FIXTURE_CONTEXT_FILE: contextFile },
  });
  expect(run.code, run.output).toBe(0);
  expect(Object.values(statuses(run.report))).toEqual(['passed', 'passed']);
  expect(await readContext(contextFile)).toMatchObject({
    profile: 'stigmer',
    owned: true,
    env: { STIGMER_SERVER_ADDR: stack.defaultsEnv.STIGMER_SERVER_ADDR },
  });
  expect(await stack.running()).toEqual({});
  await stack.assertStopped([]);
});

test('a setup file of its own with createGlobalSetup(options)', async () => {
  const { dir, cache, contextFile } = await temp('setup-file');
  const stack = await fixtureStack(dir);
  cleanups.push(() => stack.cleanup());
  const project = await fixtureProject('setup-file', dir);
  // The setup file names the profile relative to the Vitest root.
  await copyFile(stack.specFile, path.join(project, 'fixture.config.json'));
  const run = await runVitest(project, {
    env: { FIXTURE_CACHE_DIR: cache, FIXTURE_CONTEXT_FILE: contextFile },
  });
  expect(run.code, run.output).toBe(0);
  expect(Object.values(statuses(run.report))).toEqual(['passed', 'passed']);
  expect(await readContext(contextFile)).toMatchObject({ owned: true, onUnavailable: 'fail' });
  expect((await stack.events()).map((e) => e.what)).toEqual(['start', 'stop']);
});

test('test.projects with the plugin in the root config: every project gets the stack', async () => {
  const { dir, cache } = await temp('projects');
  const stack = await fixtureStack(dir);
  cleanups.push(() => stack.cleanup());
  const project = await fixtureProject('projects', dir);
  const run = await runVitest(project, {
    env: { FIXTURE_PROFILE: stack.specFile, FIXTURE_CACHE_DIR: cache },
  });
  expect(run.code, run.output).toBe(0);
  expect(statuses(run.report)).toEqual({
    'api project reaches the stack': 'passed',
    'web project reaches the stack': 'passed',
  });
  expect((await stack.events()).map((e) => e.what)).toEqual(['start', 'stop']);
});
