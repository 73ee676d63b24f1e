// The PostgreSQL member, and its start command. Run as `node postgres.mjs <dir> <port>`, this
// file creates the cluster on first use (initdb), then runs `pg_ctl start -w`, which returns once
// PostgreSQL accepts connections. postgres refuses to run as root: as root, both run as `nobody`.
import { execFile } from 'node:child_process';
import { access, chown, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** PG_BIN overrides where the server binaries are. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const AS_NOBODY = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
const NOBODY = 65534;
const run = promisify(execFile);

/** The member: a daemon-mode server spec whose start is this file. */
export function postgres({ dir, port }) {
  const data = path.join(dir, 'data');
  return {
    name: 'postgres',
    start: {
      command: [process.execPath, fileURLToPath(import.meta.url), dir, String(port)],
      mode: 'daemon',
    },
    stop: {
      command: [...AS_NOBODY, path.join(PG_BIN, 'pg_ctl'), '-D', data, 'stop', '-m', 'fast'],
    },
    components: [
      {
        name: 'postgres',
        probe: { tcp: `127.0.0.1:${port}` },
        pidFile: path.join(data, 'postmaster.pid'),
      },
    ],
    logs: { postgres: path.join(dir, 'postgres.log') },
    env: {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
      PGHOST: '127.0.0.1',
      PGPORT: String(port),
      PGUSER: 'postgres',
    },
    readyTimeoutMs: 60_000,
  };
}

async function start(dir, port) {
  const tool = (name, ...args) => {
    const [file, ...rest] = [...AS_NOBODY, path.join(PG_BIN, name), ...args];
    return run(file, rest, { cwd: dir });
  };
  try {
    await access(path.join(PG_BIN, 'pg_ctl'));
  } catch {
    console.error(
      `PostgreSQL server binaries not found in ${PG_BIN}: install them (apt-get install postgresql) or set PG_BIN.`,
    );
    process.exit(1);
  }
  await mkdir(dir, { recursive: true });
  if (AS_NOBODY.length > 0) await chown(dir, NOBODY, NOBODY);
  const data = path.join(dir, 'data');
  const exists = await access(path.join(data, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!exists) await tool('initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync');
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const log = path.join(dir, 'postgres.log');
  const { stdout } = await tool('pg_ctl', '-D', data, '-l', log, '-o', settings, 'start', '-w');
  process.stdout.write(stdout);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  await start(dir, Number(port)).catch((error) => {
    console.error(error.stderr || error.message);
    process.exit(1);
  });
}
