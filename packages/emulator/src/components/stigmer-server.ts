/**
 * Emulated stigmer-server (`stigmer internal-server`, spawned by `stigmer server`), in the
 * order of pkg/server/server.go `Run`: open the database, connect to Temporal (three tries,
 * not fatal), start the supervisor (workflow-runner, wait, agent-runner container), and only
 * then listen on :7234: a gRPC server with no services at all (no grpc.health). SIGTERM is
 * handled only from then on; before, it kills the process at once, as in the Go program.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { KNOB_ENV } from '../knobs.js';
import { createLogger } from '../log/logger.js';
import { hostPort } from '../net/host-port.js';
import { Supervisor } from '../server/supervisor.js';
import { initialConnect } from '../server/temporal-connect.js';
import { readSettings } from '../settings.js';
import { handleTermination } from './lifecycle.js';

const settings = readSettings();
const log = createLogger();
const env = process.env;
if (settings.ignoreSigterm) handleTermination(settings, log, () => 0);
const port = Number(env.GRPC_PORT || 7234);
const dataDir = env.STIGMER_DATA_DIR ?? '';
log.info('Starting Stigmer Server', {
  db_path: `${dataDir}/stigmer.db`,
  env: env.ENV || 'local',
  grpc_port: port,
});
if (settings.failStart) {
  log.fatal('Failed to initialize SQLite store', {
    error: `unable to open database file: permission denied (${KNOB_ENV.failStart}=1)`,
  });
}
log.info('SQLite store initialized', { db_path: `${dataDir}/stigmer.db` });

// The server's own Temporal dial: TEMPORAL_HOST_PORT, not the address the CLI passes on.
await initialConnect(env.TEMPORAL_HOST_PORT || hostPort(settings.host, settings.temporalPort), log);
log.info('Starting Temporal health monitor');

const secrets: Record<string, string> = {};
for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY'])
  if (env[key]) secrets[key] = env[key] as string;
const supervisor = new Supervisor(
  {
    dataDir,
    logDir: env.STIGMER_LOG_DIR ?? '',
    temporalAddr: env.TEMPORAL_SERVICE_ADDRESS || 'localhost:7233',
    serverPort: port,
    llmProvider: env.STIGMER_LLM_PROVIDER || 'ollama',
    llmModel: env.STIGMER_LLM_MODEL || 'qwen2.5-coder:14b',
    llmBaseUrl: env.STIGMER_LLM_BASE_URL || 'http://localhost:11434',
    secrets,
  },
  settings,
  log,
);
try {
  await supervisor.start();
  log.info('Component supervisor active - child components will auto-restart on failure');
} catch (error) {
  log.warn('Failed to start component supervisor - child components will not auto-restart', {
    error: (error as Error).message,
  });
}

const { Server, ServerCredentials } = await import('@grpc/grpc-js');
const server = new Server();
handleTermination(settings, log, async () => {
  log.info('Received shutdown signal');
  server.forceShutdown();
  log.info('Stigmer Server stopped');
  await supervisor.stop();
  return 0;
});
if (settings.startDelayMs > 0) await sleep(settings.startDelayMs);
server.bindAsync(hostPort(settings.host, port), ServerCredentials.createInsecure(), (error) => {
  if (error)
    log.fatal('Failed to start gRPC server', {
      error: `listen tcp ${hostPort(settings.host, port)}: bind: ${error.message}`,
    });
  log.info('Stigmer Server started successfully', { port });
  if (settings.crashAfterMs !== null) {
    setTimeout(() => {
      process.stderr.write(
        `panic: emulated crash ${settings.crashAfterMs} ms after listening (${KNOB_ENV.crashAfterMs})\n\ngoroutine 1 [running]:\nmain.main()\n`,
      );
      process.exit(2); // Go's exit code for an unrecovered panic
    }, settings.crashAfterMs);
  }
});
