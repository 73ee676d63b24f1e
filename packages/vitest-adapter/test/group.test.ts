/**
 * A group config (docs/groups.md) as the plugin's `profile`, run by a real Vitest: the fixture
 * server as a database-like member ("fixture", which exports FIXTURE_URL) and core's group app,
 * which refuses to start without FIXTURE_URL and connects to it when it starts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getFreePorts } from '@stigmer/e2e-emulator';
import { afterEach, describe, expect, test } from 'vitest';
import type { StigmerContext } from '../src/index.js';
import { fixtureProject } from './helpers/fixture-project.js';
import { fixtureStack } from './helpers/fixture-stack.js';
import { isRunning, portAccepts } from './helpers/processes.js';
import { runVitest, statuses } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

const GROUP_APP = path.resolve(import.meta.dirname, '../../core/test/fixtures/group-app.mjs');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(appEnv: Record<string, string> = {}) {
  const temp = await tempDir('group');
  cleanups.push(temp.remove);
  const db = await fixtureStack(temp.dir);
  cleanups.push(() => db.cleanup());
  const [appPort] = (await getFreePorts(1)) as [number];
  const appEvents = path.join(temp.dir, 'app-events.log');
  cleanups.push(() => killApp(appEvents));
  const app = {
    name: 'app',
    dependsOn: ['fixture'],
    stateDir: path.join(temp.dir, 'app-state'),
    start: {
      command: [process.execPath, GROUP_APP],
      mode: 'process',
      env: {
        APP_PORT: String(appPort),
        APP_EVENTS_FILE: appEvents,
        APP_NEEDS: 'FIXTURE_URL',
        ...appEnv,
      },
    },
    components: [{ name: 'http', probe: { http: `http://127.0.0.1:${appPort}/` } }],
    env: { APP_URL: `http://127.0.0.1:${appPort}/` },
    readyTimeoutMs: 30_000,
  };
  const config = path.join(temp.dir, 'group.json');
  const dbSpec = JSON.parse(await readFile(db.specFile, 'utf8'));
  await writeFile(config, JSON.stringify({ name: 'shop', members: [app, dbSpec] }));
  const project = await fixtureProject('custom-profile', temp.dir);
  const contextFile = path.join(temp.dir, 'context.json');
  const env = {
    FIXTURE_PROFILE: config,
    FIXTURE_CONTEXT_FILE: contextFile,
    FIXTURE_CACHE_DIR: path.join(temp.dir, 'cache'),
  };
  const context = async () => JSON.parse(await readFile(contextFile, 'utf8')) as StigmerContext;
  const appStarts = async () =>
    (await readFile(appEvents, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[0]);
  return { db, appPort, project, env, context, appStarts };
}

/** A failed test must not leave the app running: only a pid whose environment names its events file. */
async function killApp(events: string): Promise<void> {
  const text = await readFile(events, 'utf8').catch(() => '');
  for (const pid of new Set(
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split(' ')[1])),
  )) {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`APP_EVENTS_FILE=${events}`) && (await isRunning(pid)))
      process.kill(pid, 'SIGKILL');
  }
}

describe('a group as the profile', () => {
  test('members start in order, the tests get every env, they stop in reverse order', async () => {
    const { db, appPort, project, env, context, appStarts } = await setup();
    const run = await runVitest(project, { env });
    expect(run.code, run.output).toBe(0);
    expect(statuses(run.report)).toEqual({
      'fixture stack answers over HTTP': 'passed',
      'fixture stack stays up while the tests run': 'passed',
    });
    const seen = await context();
    expect(seen).toMatchObject({
      profile: 'shop',
      available: true,
      owned: true,
      outcome: 'started',
      env: {
        FIXTURE_URL: `http://127.0.0.1:${db.port}/`,
        APP_URL: `http://127.0.0.1:${appPort}/`,
      },
    });
    expect(seen.members?.map((m) => [m.name, m.outcome, m.dependsOn])).toEqual([
      ['fixture', 'started', []],
      ['app', 'started', ['fixture']],
    ]);
    expect(run.output).toMatch(
      /shop released in .*, dependents first:\n.*app stopped in .*\n(.*\n)?.*fixture stopped in/,
    );
    expect((await db.events()).map((e) => e.what)).toEqual(['start', 'stop']);
    expect(await appStarts()).toEqual(['start', 'stop']);
    await db.assertNothingRunning();
    expect(await portAccepts(appPort)).toBe(false);
  });

  test('a member failing under fail: the run fails naming it with its log tail; the others are stopped', async () => {
    const { db, project, env, appStarts } = await setup({ APP_FAIL: '1' });
    const run = await runVitest(project, { env: { ...env, FIXTURE_POLICY: 'fail' } });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('shop is unavailable: app failed:');
    expect(run.output).toContain('fatal: migrations failed');
    expect(run.output).toMatch(/fixture stopped in .* \(this run started it/);
    expect((await db.events()).map((e) => e.what)).toEqual(['start', 'stop']);
    expect(await appStarts()).toEqual([]);
    await db.assertNothingRunning();
  });
});
