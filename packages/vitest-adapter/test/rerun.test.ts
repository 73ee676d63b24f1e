/**
 * The watch-mode recheck, driven in-process: the real globalSetup with a fake Vitest project
 * (it records what is provided and hands over the rerun callback) and a real stack.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { StigmerContext } from '../src/context.js';
import { createGlobalSetup } from '../src/global-setup.js';
import type { StigmerServerOptions } from '../src/options.js';
import { fixtureStack, stopForeign } from './helpers/fixture-stack.js';
import { isRunning, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

class FakeProject {
  readonly provided: StigmerContext[] = [];
  readonly messages: string[] = [];
  rerunCallback: (() => Promise<void>) | null = null;
  constructor(readonly config: { root: string }) {}
  provide(_key: 'stigmer', value: StigmerContext) {
    this.provided.push(structuredClone(value));
  }
  onTestsRerun(callback: () => Promise<void>) {
    this.rerunCallback = callback;
  }
  get last(): StigmerContext {
    return this.provided.at(-1)!;
  }
  rerun(): Promise<void> {
    return this.rerunCallback!();
  }
}

async function setup(options: Omit<StigmerServerOptions, 'profile'>, serverEnv = {}) {
  const temp = await tempDir('rerun');
  cleanups.push(temp.remove);
  const stack = await fixtureStack(temp.dir, serverEnv);
  cleanups.push(() => stack.cleanup());
  const project = new FakeProject({ root: temp.dir });
  const logger = {
    info: (m: string) => project.messages.push(m),
    warn: (m: string) => project.messages.push(`warn: ${m}`),
  };
  const globalSetup = createGlobalSetup({ ...options, profile: stack.specFile, logger });
  return { dir: temp.dir, stack, project, globalSetup };
}

test('no change: the rerun only probes', async () => {
  const { stack, project, globalSetup } = await setup({});
  const teardown = await globalSetup(project);
  expect(project.provided).toHaveLength(1);
  await project.rerun();
  await project.rerun();
  expect(project.provided).toHaveLength(1);
  expect((await stack.events()).map((e) => e.what)).toEqual(['start']);
  await teardown();
  expect((await stack.events()).map((e) => e.what)).toEqual(['start', 'stop']);
});

test('a stack this run owns that died is started again and the change is reported', async () => {
  const { stack, project, globalSetup } = await setup({});
  const teardown = await globalSetup(project);
  const [first] = await stack.events();
  process.kill(first!.pid, 'SIGKILL');
  await waitFor(async () => !(await isRunning(first!.pid)), 5_000, 'the server to die');
  project.messages.length = 0;
  await project.rerun();
  const events = await stack.events();
  expect(events.map((e) => e.what)).toEqual(['start', 'start']);
  expect(project.provided).toHaveLength(2);
  expect(project.last).toMatchObject({ available: true, owned: true, outcome: 'started' });
  expect(project.messages.join('\n')).toMatch(
    /warn: fixture is no longer ready: web .*Ensuring it again \(it was started by this run, which owns it\)\.[\s\S]*✓ fixture is available again \(started by this run, which owns it\) after/,
  );
  await teardown();
  expect((await stack.events()).at(-1)).toEqual({ what: 'stop', pid: events[1]!.pid });
});

test('a stack that was unavailable and is up now is used, and left running', async () => {
  const temp = await tempDir('rerun-up');
  cleanups.push(temp.remove);
  const failFile = path.join(temp.dir, 'fail-now');
  await writeFile(failFile, '');
  const { stack, project, globalSetup } = await setup(
    { onUnavailable: 'skip' },
    { FIXTURE_FAIL_IF_EXISTS: failFile },
  );
  const teardown = await globalSetup(project);
  expect(project.last).toMatchObject({ available: false, owned: false });
  expect(project.last.reason).toMatch(/exited with code 1/);
  await rm(failFile);

  // Still down: a rerun does not try to start it again (that could cost a timeout per rerun).
  await project.rerun();
  expect(project.provided).toHaveLength(1);

  const foreign = await stack.startForeign();
  cleanups.push(() => stopForeign(foreign));
  await project.rerun();
  expect(project.last).toMatchObject({ available: true, owned: false, reused: true });
  expect(project.messages.join('\n')).toContain('fixture is up now: using it for this rerun.');
  // Not "again": this run never had it.
  expect(project.messages.join('\n')).toMatch(
    /✓ fixture is available \(already running, not started by stigmer-e2e: it will be left running\) after/,
  );
  await teardown();
  expect(await isRunning(foreign.pid!)).toBe(true);
});

test("under 'fail', a restart that fails does not reject the rerun: tests see the reason", async () => {
  const temp = await tempDir('rerun-fail');
  cleanups.push(temp.remove);
  const failFile = path.join(temp.dir, 'fail-now');
  const { stack, project, globalSetup } = await setup(
    { onUnavailable: 'fail' },
    { FIXTURE_FAIL_IF_EXISTS: failFile },
  );
  const teardown = await globalSetup(project);
  expect(project.last).toMatchObject({ available: true, onUnavailable: 'fail' });
  const [first] = await stack.events();
  await writeFile(failFile, '');
  process.kill(first!.pid, 'SIGKILL');
  await waitFor(async () => !(await isRunning(first!.pid)), 5_000, 'the server to die');

  await expect(project.rerun()).resolves.toBeUndefined();
  expect(project.last).toMatchObject({ available: false, owned: false, onUnavailable: 'fail' });
  expect(project.last.reason).toMatch(/exited with code 1/);
  expect(project.messages.join('\n')).toContain('simulated failure');
  await teardown();
  await stack.assertNothingRunning();
});

test('two projects share one stack and one lease; the last teardown releases it', async () => {
  const { stack, project, globalSetup } = await setup({});
  const other = new FakeProject(project.config);
  const teardownA = await globalSetup(project);
  const teardownB = await globalSetup(other);
  expect(other.last).toEqual(project.last);
  expect(other.rerunCallback).toBeNull();
  await teardownA();
  expect((await stack.events()).map((e) => e.what)).toEqual(['start']);
  await teardownB();
  expect((await stack.events()).map((e) => e.what)).toEqual(['start', 'stop']);
});
