/**
 * The behaviour matrix, run by a real Vitest in a fixture project whose stack is a custom
 * profile (one HTTP server on a free port, state in the test's temp dir).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { StigmerContext } from '../src/index.js';
import { fixtureProject } from './helpers/fixture-project.js';
import { fixtureStack, stopForeign } from './helpers/fixture-stack.js';
import { isRunning } from './helpers/processes.js';
import { type JsonReport, runVitest, statuses } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(serverEnv: Record<string, string> = {}, args: readonly string[] = []) {
  const temp = await tempDir('lifecycle');
  cleanups.push(temp.remove);
  const stack = await fixtureStack(temp.dir, serverEnv, args);
  cleanups.push(() => stack.cleanup());
  const project = await fixtureProject('custom-profile', temp.dir);
  const contextFile = path.join(temp.dir, 'context.json');
  const env = {
    FIXTURE_PROFILE: stack.specFile,
    FIXTURE_CONTEXT_FILE: contextFile,
    FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache'),
  };
  const context = async () => JSON.parse(await readFile(contextFile, 'utf8')) as StigmerContext;
  return { dir: temp.dir, stack, project, env, context };
}

const PASSED = {
  'fixture stack answers over HTTP': 'passed',
  'fixture stack stays up while the tests run': 'passed',
};

describe('a stopped stack', () => {
  test('is started, the tests pass, and it is stopped after the run', async () => {
    const { stack, project, env, context } = await setup();
    // A test that takes a second: the usage line is printed for leases held over half a second
    // (Vitest 5 runs the two tests in under 0.4 s).
    const run = await runVitest(project, { env: { ...env, FIXTURE_SLEEP_MS: '1000' } });
    expect(run.code, run.output).toBe(0);
    expect(statuses(run.report)).toEqual(PASSED);
    expect(await context()).toMatchObject({
      profile: 'fixture',
      available: true,
      owned: true,
      reused: false,
      outcome: 'started',
      reason: null,
      env: { FIXTURE_URL: `http://127.0.0.1:${stack.port}/` },
      components: [{ name: 'web', ready: true, required: true }],
    });
    const events = await stack.events();
    expect(events.map((e) => e.what)).toEqual(['start', 'stop']);
    // Resource insight in the teardown output, in core's words (the CLI prints the same line).
    expect(run.output).toMatch(
      /\[stigmer-e2e\] fixture, while this run held it \(\d+ s\): peak [\d.]+ MiB, [\d.]+% CPU on average \(server /,
    );
    await stack.assertNothingRunning();
  });
});

describe('a running stack', () => {
  test('is reused and left running', async () => {
    const { stack, project, env, context } = await setup();
    const foreign = await stack.startForeign();
    cleanups.push(() => stopForeign(foreign));
    const run = await runVitest(project, { env });
    expect(run.code, run.output).toBe(0);
    expect(statuses(run.report)).toEqual(PASSED);
    expect(await context()).toMatchObject({ available: true, owned: false, reused: true });
    expect(await isRunning(foreign.pid!)).toBe(true);
    expect((await stack.events()).map((e) => e.what)).toEqual(['start']);
  });
});

describe('a start that fails', () => {
  test("skips the suite with the reason under onUnavailable: 'skip'", async () => {
    const { stack, project, env, context } = await setup({ FIXTURE_FAIL: '1' });
    const run = await runVitest(project, { env: { ...env, FIXTURE_POLICY: 'skip' } });
    expect(run.code, run.output).toBe(0);
    expect(statuses(run.report)).toEqual({ 'fixture stack fixture is unavailable': 'skipped' });
    const seen = await context();
    expect(seen).toMatchObject({ available: false, owned: false });
    expect(seen.reason).toMatch(/exited|exit code 1/);
    // The reason is in the report (the skipped test's note) and in the setup's log.
    expect(run.output).toContain(`[fixture is unavailable: ${seen.reason}`);
    expect(run.output).toContain('simulated failure');
    expect(await stack.events()).toEqual([]);
  });

  // Not "No test files found" with the include globs, then an "Unhandled Error": one message
  // with the reason and what to do, and the tests that need the stack fail with that reason.
  test("under onUnavailable: 'fail': one clear error, and the suite fails with the reason", async () => {
    const { stack, project, env } = await setup({ FIXTURE_FAIL: '1' });
    const run = await runVitest(project, { env: { ...env, FIXTURE_POLICY: 'fail' } });
    expect(run.code, run.output).toBe(1);
    expect(run.output).not.toContain('No test files found');
    expect(run.output).not.toContain('Unhandled Error');
    expect(statuses(run.report)).toEqual({ 'fixture stack fixture is unavailable': 'failed' });
    expect(failures(run.report)).toMatch(/fixture is unavailable: .*exited with code 1/);
    // The whole story once: the reason, each component, the log tail, and what to do.
    expect(count(run.output, 'fatal: cannot open the database: simulated failure')).toBe(1);
    expect(run.output).toMatch(/fixture is unavailable: .*exited with code 1/);
    expect(run.output).toContain("onUnavailable: 'skip'");
    expect(await stack.events()).toEqual([]);
  });

  test("a secret in the environment is masked in the reason, the log and the report (core's policy)", async () => {
    const token = 'fixture-fake-token-4444444444';
    // The reason names the start command, here with the token as an argument.
    const { project, env } = await setup({ FIXTURE_FAIL: '1' }, [`--token=${token}`]);
    for (const policy of ['skip', 'fail']) {
      const run = await runVitest(project, {
        env: { ...env, FIXTURE_POLICY: policy, FIXTURE_API_TOKEN: token },
      });
      expect(run.output, policy).toContain('--token=***');
      expect(run.output, policy).not.toContain(token);
    }
  });

  test('fails under CI by default, even with no test that needs the stack', async () => {
    const { project, env } = await setup({ FIXTURE_FAIL: '1' });
    const run = await runVitest(project, {
      env: { ...env, FIXTURE_INCLUDE: 'other/no-stack.test.mjs' },
      ci: true,
    });
    expect(run.code, run.output).toBe(1);
    expect(statuses(run.report)).toEqual({ 'needs no stack': 'passed' });
    expect(run.output).not.toContain('No test files found');
    expect(run.output).not.toContain('Unhandled Error');
    expect(run.output).toContain('simulated failure');
    expect(run.output).toMatch(/the default when CI is set/);
  });
});

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function failures(report: JsonReport | null): string {
  return (report?.testResults ?? [])
    .flatMap((file) => file.assertionResults.flatMap((test) => test.failureMessages))
    .join('\n');
}
