/**
 * Emulated stigmer-server: the gRPC daemon on :7234 that `stigmer server` waits for.
 * Knobs: START_DELAY_MS (slow start), FAIL_START (database error, exit 1), CRASH_AFTER_MS (panic).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { KNOB_ENV } from '../knobs.js';
import { hostPort } from '../net/host-port.js';
import type { HealthServer } from './grpc-health-server.js';
import { exit, serveHealth, startComponent } from './runtime.js';

const { settings, layout, log, onShutdown } = startComponent('stigmer-server');
let server: HealthServer | undefined;
onShutdown(async () => {
  await server?.close();
});

reportLlmConfig();
log.info(`opening database in ${layout.dataDir}`);
if (settings.failStart) {
  log.error('failed to open database: permission denied');
  log.error(`(emulated failure: ${KNOB_ENV.failStart}=1)`);
  exit(log, 1);
}

if (settings.startDelayMs > 0) {
  log.info(`initialising (slow start: listening in ${settings.startDelayMs} ms)`);
  await sleep(settings.startDelayMs);
}

const address = hostPort(settings.host, settings.serverPort);
try {
  server = await serveHealth(settings.host, settings.serverPort, {
    '': 'SERVING',
    'stigmer.Server': 'SERVING',
  });
} catch (error) {
  log.error(`failed to start gRPC server: ${(error as Error).message}`);
  exit(log, 1);
}
log.info(`gRPC server listening on ${address}`);
log.info('stigmer-server ready');

if (settings.crashAfterMs !== null) {
  const crashAfterMs = settings.crashAfterMs;
  setTimeout(() => {
    const message = `panic: emulated crash ${crashAfterMs} ms after listening (${KNOB_ENV.crashAfterMs})`;
    process.stderr.write(`${message}\n\ngoroutine 1 [running]:\nmain.main()\n`);
    log.info('crashed (see stigmer-server.err)');
    process.exit(1);
  }, crashAfterMs);
}

/** Logs the LLM settings (never secret values) and records them in llm.json for tests. */
function reportLlmConfig(): void {
  const env = process.env;
  const provider = env.STIGMER_LLM_PROVIDER || 'ollama';
  const llm = {
    provider,
    model: env.STIGMER_LLM_MODEL || null,
    baseUrl: env.STIGMER_LLM_BASE_URL || null,
  };
  log.info(`STIGMER_LLM_PROVIDER=${env.STIGMER_LLM_PROVIDER ?? '(not set, default ollama)'}`);
  log.info(`STIGMER_LLM_MODEL=${env.STIGMER_LLM_MODEL ?? '(not set)'}`);
  log.info(`STIGMER_LLM_BASE_URL=${env.STIGMER_LLM_BASE_URL ?? '(not set)'}`);
  for (const key of ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY']) {
    log.info(`${key} is ${env[key] ? 'set' : 'not set'}`);
  }
  mkdirSync(layout.dataDir, { recursive: true });
  writeFileSync(layout.llmFile, `${JSON.stringify(llm, null, 2)}\n`);
}
