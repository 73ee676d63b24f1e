/**
 * Emulated `temporal server start-dev`: accepts TCP at once, but its health service answers
 * NOT_SERVING until TEMPORAL_READY_DELAY_MS has passed (or forever with TEMPORAL_NEVER_READY).
 * "Port open" is not "ready", as with the real Temporal.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { KNOB_ENV } from '../knobs.js';
import { hostPort } from '../net/host-port.js';
import type { HealthServer } from './grpc-health-server.js';
import { exit, serveHealth, startComponent } from './runtime.js';

const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';

const { settings, layout, log, onShutdown } = startComponent('temporal');
let server: HealthServer | undefined;
onShutdown(async () => {
  await server?.close();
  releaseLock();
});

writeFileSync(layout.temporalLockFile, String(process.pid));
log.info(`holding lock ${layout.temporalLockFile}`);

try {
  server = await serveHealth(settings.host, settings.temporalPort, {
    '': 'NOT_SERVING',
    [WORKFLOW_SERVICE]: 'NOT_SERVING',
  });
} catch (error) {
  log.error(`failed to start Temporal frontend: ${(error as Error).message}`);
  releaseLock();
  exit(log, 1);
}
log.info(`Temporal frontend listening on ${hostPort(settings.host, settings.temporalPort)}`);

if (settings.temporalNeverReady) {
  log.info(`health stays NOT_SERVING (${KNOB_ENV.temporalNeverReady}=1)`);
} else {
  log.info(`starting services; health NOT_SERVING for ${settings.temporalReadyDelayMs} ms`);
  setTimeout(() => {
    server?.setStatus('', 'SERVING');
    server?.setStatus(WORKFLOW_SERVICE, 'SERVING');
    log.info('Temporal server is ready (health SERVING)');
  }, settings.temporalReadyDelayMs);
}

function releaseLock(): void {
  try {
    if (readFileSync(layout.temporalLockFile, 'utf8').trim() === String(process.pid)) {
      rmSync(layout.temporalLockFile, { force: true });
    }
  } catch {
    // already gone
  }
}
