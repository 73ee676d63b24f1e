/**
 * The basic rows of the behaviour matrix against real third-party software: PostgreSQL, started
 * and stopped with `pg_ctl`, through a custom daemon-mode profile.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer } from '../src/index.js';
import { assertPostgresInstalled, type Postgres, postgresCluster } from './helpers/postgres.js';
import { isRunning, portAccepts, Worker } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let pg: Postgres | undefined;
beforeAll(assertPostgresInstalled);
beforeEach(async () => {
  temp = await tempDir('pg');
});
afterEach(async () => {
  // Stop the cluster if a test left it running (pg_ctl stops only its own data dir's postmaster).
  if (pg) await pg.tool('pg_ctl', '-D', pg.data, 'stop', '-m', 'immediate').catch(() => {});
  pg = undefined;
  await temp.remove();
});

describe('a custom profile on PostgreSQL (pg_ctl)', () => {
  it('not running: started with pg_ctl, ready for queries, stopped with pg_ctl after', async () => {
    pg = await postgresCluster(temp.dir);
    const handle = await ensureServer(defineServer(pg.spec));
    expect(handle).toMatchObject({ available: true, owned: true, outcome: 'started' });
    expect(handle.components.map((c) => [c.name, c.ready])).toEqual([
      ['postgres', true],
      ['accepting-queries', true],
    ]);
    expect(handle.env.DATABASE_URL).toBe(`postgres://postgres@127.0.0.1:${pg.port}/postgres`);
    const result = await handle.release();
    expect(result.stop).toMatchObject({ stopped: true, problems: [] });
    expect(result.stop!.steps.join()).toMatch(/pg_ctl -D .* stop -m fast` exited 0/);
    expect(await portAccepts(pg.port)).toBe(false);
  });

  it('already running: reused and left running', async () => {
    pg = await postgresCluster(temp.dir);
    await pg.startOutside();
    const pid = await pg.pid();
    expect(await isRunning(pid)).toBe(true);
    const handle = await ensureServer(defineServer(pg.spec));
    expect(handle).toMatchObject({ available: true, owned: false, outcome: 'reused' });
    expect((await handle.release()).stop).toBeNull();
    expect(await isRunning(pid)).toBe(true);
  });

  it('four test processes at once: one pg_ctl start, one stop after the last', async () => {
    pg = await postgresCluster(temp.dir);
    const specFile = path.join(temp.dir, 'pg.json');
    await writeFile(specFile, JSON.stringify(pg.spec));
    const workers = Array.from({ length: 4 }, (_, i) => new Worker(specFile, 200 * i));
    const ensured = await Promise.all(workers.map((w) => w.next('ensured', 60_000)));
    expect(ensured.map((e) => e.handle!.outcome).sort()).toEqual([
      'joined',
      'joined',
      'joined',
      'started',
    ]);
    const released = await Promise.all(workers.map((w) => w.next('released', 60_000)));
    expect(released.filter((r) => r.result!.stop)).toHaveLength(1);
    expect(released.find((r) => r.result!.stop)!.result!.remaining).toBe(0);
    expect(await portAccepts(pg.port)).toBe(false);
    await Promise.all(workers.map((w) => w.exited()));
  });

  it('fails to start: unavailable at once with PostgreSQL own words from its log', async () => {
    pg = await postgresCluster(temp.dir, ['-c no_such_setting=1']);
    const handle = await ensureServer(defineServer(pg.spec), { onUnavailable: 'skip' });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/the start command .*pg_ctl .* exited with code 1/);
    expect(handle.logTails.flatMap((t) => t.lines).join('\n')).toMatch(
      /unrecognized configuration parameter "no_such_setting"/,
    );
    expect(await portAccepts(pg.port)).toBe(false);
  });
});
