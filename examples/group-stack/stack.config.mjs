// The group this example runs: the Stigmer stack, PostgreSQL, and the app under test, which
// needs both when it starts. `stigmer-e2e --config stack.config.mjs`, the Vitest plugin's
// `profile`, the Go package's `Options.Config` and the Action's `config` all take this file.
// Ports and the cluster's directory can be moved with SHOP_APP_PORT, SHOP_PG_PORT, SHOP_PG_DIR.
import path from 'node:path';
import { postgres } from './postgres.mjs';

const here = import.meta.dirname;
const env = process.env;
const appPort = env.SHOP_APP_PORT ?? '28080';

export default {
  name: 'shop',
  members: [
    // The built-in Stigmer stack: `stigmer server` (on PATH, or $STIGMER_E2E_BIN), stopped with
    // `stigmer server stop`. It exports STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS.
    { use: 'stigmer', options: { require: ['temporal'] } },
    // pg_ctl, a daemon: exports DATABASE_URL.
    postgres({
      dir: env.SHOP_PG_DIR ?? path.join(here, '.cache', 'postgres'),
      port: Number(env.SHOP_PG_PORT ?? 25432),
    }),
    {
      name: 'app',
      // Started once both are ready; its start command gets STIGMER_SERVER_ADDR and DATABASE_URL.
      dependsOn: ['stigmer', 'postgres'],
      start: {
        command: [process.execPath, path.join(here, 'app.mjs')],
        mode: 'process',
        env: { PORT: appPort },
      },
      components: [{ name: 'http', probe: { http: `http://127.0.0.1:${appPort}/health` } }],
      env: { APP_URL: `http://127.0.0.1:${appPort}` },
    },
  ],
};
