/**
 * A real PostgreSQL, driven by `pg_ctl` (a daemonizing CLI we did not write), as a custom
 * daemon-mode profile. postgres refuses to run as root, so as root it runs as `nobody`.
 */
import { execFile } from 'node:child_process';
import { access, chmod, chown, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getFreePorts } from '@stigmer/e2e-emulator';
import type { ServerSpec } from '../../src/index.js';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const NOBODY = 65534;
const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];

export interface Postgres {
  readonly spec: ServerSpec;
  readonly port: number;
  readonly data: string;
  /** Runs a PostgreSQL tool (as the user postgres runs as). */
  tool(name: string, ...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Starts the cluster the way a developer would, outside stigmer-e2e. */
  startOutside(): Promise<void>;
  /** The postmaster's pid from its pid file (0 when there is none). */
  pid(): Promise<number>;
}

/** Fails (never skips) when the binaries are missing: .ci/run installs them. */
export async function assertPostgresInstalled(): Promise<void> {
  try {
    await access(path.join(PG_BIN, 'pg_ctl'));
  } catch {
    throw new Error(
      `PostgreSQL server binaries not found in ${PG_BIN}. Install them (as root: apt-get update && apt-get install -y postgresql) or set PG_BIN.`,
    );
  }
}

/** A fresh cluster in `dir` (initdb), and the spec that starts and stops it with pg_ctl. */
export async function postgresCluster(dir: string, options: string[] = []): Promise<Postgres> {
  const [port] = (await getFreePorts(1)) as [number];
  const home = path.join(dir, 'pg');
  const data = path.join(home, 'data');
  const log = path.join(home, 'postgres.log');
  await chmod(dir, 0o755); // nobody must reach the cluster through the temp dir
  await mkdir(home, { recursive: true });
  if (asUser.length > 0) await chown(home, NOBODY, NOBODY);
  const tool = (name: string, ...args: string[]) => {
    const [file, ...rest] = [...asUser, path.join(PG_BIN, name), ...args] as [string, ...string[]];
    return run(file, rest, { cwd: home });
  };
  await tool('initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync');
  const pgCtl = [...asUser, path.join(PG_BIN, 'pg_ctl'), '-D', data];
  const settings = [`-p ${port}`, `-k ${home}`, '-c listen_addresses=127.0.0.1', ...options].join(
    ' ',
  );
  return {
    port,
    data,
    tool,
    async startOutside() {
      await tool('pg_ctl', '-D', data, '-l', log, '-o', settings, 'start', '-w');
    },
    async pid() {
      const text = await readFile(path.join(data, 'postmaster.pid'), 'utf8').catch(() => '0');
      return Number(text.split('\n', 1)[0]);
    },
    spec: {
      name: 'postgres',
      stateDir: path.join(dir, 'state'),
      start: {
        command: [...pgCtl, '-l', log, '-o', settings, 'start', '-w'],
        mode: 'daemon',
        cwd: home,
      },
      stop: { command: [...pgCtl, 'stop', '-m', 'fast'], timeoutMs: 15_000 },
      components: [
        {
          name: 'postgres',
          probe: { tcp: `127.0.0.1:${port}` },
          pidFile: path.join(data, 'postmaster.pid'),
        },
        {
          name: 'accepting-queries',
          probe: {
            command: [
              path.join(PG_BIN, 'pg_isready'),
              '-h',
              '127.0.0.1',
              '-p',
              String(port),
              '-U',
              'postgres',
            ],
          },
        },
      ],
      logs: { postgres: log },
      env: {
        PGHOST: '127.0.0.1',
        PGPORT: String(port),
        DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
      },
      readyTimeoutMs: 30_000,
    },
  };
}
