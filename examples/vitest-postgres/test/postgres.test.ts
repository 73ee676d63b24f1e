import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeStigmer } from '@stigmer/e2e-vitest';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

describeStigmer('postgres', (db) => {
  const sql = async (query: string) => {
    const psql = path.join(PG_BIN, 'psql');
    const { stdout } = await run(psql, [db.env.DATABASE_URL!, '-Atc', query]);
    return stdout.trim();
  };

  test('answers queries at DATABASE_URL', async () => {
    expect(await sql('select 6 * 7')).toBe('42');
  });

  test('keeps data for the whole run', async () => {
    await sql('create table if not exists visits (at timestamptz default now())');
    await sql('insert into visits default values');
    expect(Number(await sql('select count(*) from visits'))).toBeGreaterThan(0);
  });
});
