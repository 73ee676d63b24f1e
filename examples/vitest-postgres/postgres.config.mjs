// The PostgreSQL stack as a stigmer-e2e profile (a server spec): pg_ctl is a daemonizing CLI,
// like `stigmer server`. Relative paths here are relative to this file. The same file works
// with the CLI: `stigmer-e2e up --config postgres.config.mjs`.
import path from 'node:path';
import { AS_NOBODY, DATA, HOME, LOG, PG_BIN, PORT } from './cluster.mjs';

const pgCtl = [...AS_NOBODY, path.join(PG_BIN, 'pg_ctl'), '-D', DATA];
const settings = `-p ${PORT} -k ${HOME} -c listen_addresses=127.0.0.1`;

export default {
  name: 'postgres',
  stateDir: '.cache/state',
  start: { command: [...pgCtl, '-l', LOG, '-o', settings, 'start', '-w'], mode: 'daemon' },
  stop: { command: [...pgCtl, 'stop', '-m', 'fast'], timeoutMs: 15_000 },
  components: [
    {
      name: 'postgres',
      probe: { tcp: `127.0.0.1:${PORT}` },
      pidFile: path.join(DATA, 'postmaster.pid'),
    },
  ],
  logs: { postgres: LOG },
  env: {
    PGHOST: '127.0.0.1',
    PGPORT: String(PORT),
    PGUSER: 'postgres',
    DATABASE_URL: `postgres://postgres@127.0.0.1:${PORT}/postgres`,
  },
  readyTimeoutMs: 30_000,
};
