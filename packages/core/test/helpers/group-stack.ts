/**
 * The group the group tests run: the Stigmer stack (the emulator), PostgreSQL (pg_ctl) and an app
 * (fixtures/group-app.mjs) that refuses to start without STIGMER_SERVER_ADDR and DATABASE_URL and
 * connects to both. Every part in `dir`, on free ports. What is specific to the emulator (how its
 * starts and stops show in its logs) is here and in emulated-stigmer.ts only.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EmulatorKnobs, getFreePorts, stigmerLayout } from '@stigmer/e2e-emulator';
import type { GroupSpec, ServerSpec } from '../../src/index.js';
import { type EmulatedStigmer, emulatedStigmer } from './emulated-stigmer.js';
import { type Postgres, postgresCluster } from './postgres.js';
import { FIXTURES } from './processes.js';

export type MemberName = 'stigmer' | 'postgres' | 'app';

export interface Lifecycle {
  readonly starts: number;
  readonly stops: number;
}

export interface GroupStack {
  readonly stigmer: EmulatedStigmer;
  readonly pg: Postgres;
  readonly appPort: number;
  /** The app's "start <pid> <ms>" / "stop <pid> <ms>" lines. */
  readonly appEvents: string;
  /** The group: `app` depends on `stigmer` and `postgres`; `changes` edit members by name. */
  spec(changes?: Partial<Record<MemberName, Record<string, unknown>>>): GroupSpec;
  /** The spec as a JSON config file for the CLI. */
  writeConfig(spec: GroupSpec, name?: string): Promise<string>;
  /** How many times each member was started and stopped, from each one's own log. */
  lifecycle(): Promise<Record<MemberName, Lifecycle>>;
  /** Stops whatever a failed test left running (only what is provably this test's). */
  cleanup(): Promise<void>;
}

/**
 * `knobs`: the emulator's faults for the Stigmer member (e.g. a slow start); `pgOptions`:
 * PostgreSQL's settings (e.g. one it does not know, to make its start fail).
 */
export async function groupStack(
  dir: string,
  knobs: EmulatorKnobs = {},
  pgOptions: string[] = [],
): Promise<GroupStack> {
  const stigmer = await emulatedStigmer(path.join(dir, 'home'), knobs);
  const pg = await postgresCluster(dir, pgOptions);
  const [appPort] = (await getFreePorts(1)) as [number];
  const appEvents = path.join(dir, 'app-events.log');
  const app = (): ServerSpec & { dependsOn: string[] } => ({
    name: 'app',
    stateDir: path.join(dir, 'app-state'),
    start: {
      command: [process.execPath, path.join(FIXTURES, 'group-app.mjs')],
      mode: 'process',
      env: { APP_PORT: String(appPort), APP_EVENTS_FILE: appEvents },
    },
    stop: { timeoutMs: 5_000 },
    components: [{ name: 'http', probe: { http: `http://127.0.0.1:${appPort}/` } }],
    env: { APP_URL: `http://127.0.0.1:${appPort}/` },
    readyTimeoutMs: 30_000,
    dependsOn: ['stigmer', 'postgres'],
  });
  const pgLog = path.join(dir, 'pg', 'postgres.log');
  const stigmerLog = path.join(stigmerLayout(stigmer.home).logDir, 'stigmer-server.log');
  return {
    stigmer,
    pg,
    appPort,
    appEvents,
    spec(changes = {}) {
      const member = (name: MemberName, base: object) => ({ ...base, ...changes[name] });
      const members = [
        member('app', app()),
        member('stigmer', { use: 'stigmer', options: stigmer.options({ readyTimeoutMs: 60_000 }) }),
        member('postgres', pg.spec),
      ];
      return { name: 'shop', members } as unknown as GroupSpec;
    },
    async writeConfig(spec, name = 'group.json') {
      const file = path.join(dir, name);
      await writeFile(file, JSON.stringify(spec, null, 2));
      return file;
    },
    async lifecycle() {
      const lines = async (file: string) =>
        (await readFile(file, 'utf8').catch(() => '')).split('\n');
      const count = (all: string[], pattern: RegExp) => all.filter((l) => pattern.test(l)).length;
      const [stigmerLines, pgLines, appLines] = await Promise.all([
        lines(stigmerLog),
        lines(pgLog),
        lines(appEvents),
      ]);
      return {
        stigmer: {
          // The emulator's stigmer-server says so in its own log, as the real one does.
          starts: count(stigmerLines, /Stigmer Server started successfully/),
          stops: count(stigmerLines, /Stigmer Server stopped/),
        },
        postgres: {
          starts: count(pgLines, /database system is ready to accept connections/),
          stops: count(pgLines, /database system is shut down/),
        },
        app: {
          starts: count(appLines, /^start /),
          stops: count(appLines, /^stop /),
        },
      };
    },
    async cleanup() {
      await stigmer.cleanup();
      await pg.tool('pg_ctl', '-D', pg.data, 'stop', '-m', 'immediate').catch(() => {});
      await killApp(appEvents);
    },
  };
}

/** SIGKILLs an app still running: only a pid whose environment names this test's events file. */
async function killApp(events: string): Promise<void> {
  const text = await readFile(events, 'utf8').catch(() => '');
  for (const pid of new Set(
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.split(' ')[1])),
  )) {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (!environ.split('\0').includes(`APP_EVENTS_FILE=${events}`)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}
