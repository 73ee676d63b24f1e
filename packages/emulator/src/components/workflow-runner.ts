/**
 * Emulated workflow-runner (`stigmer internal-workflow-runner`, spawned by stigmer-server's
 * supervisor): a Temporal worker with no port of its own. Like the real `client.Dial`, it
 * fails fatally (exit 1) when Temporal's frontend does not answer SERVING at start; after
 * that it keeps running whatever Temporal does.
 */
import { createLogger } from '../log/logger.js';
import { dialTemporal } from '../server/temporal-connect.js';
import { readSettings } from '../settings.js';
import { handleTermination, keepAlive } from './lifecycle.js';

const settings = readSettings();
const log = createLogger();
const env = process.env;
handleTermination(settings, log, () => {
  log.info('Received shutdown signal, stopping worker');
  return 0;
});
log.info('Starting in Temporal-only mode');
const address = env.TEMPORAL_SERVICE_ADDRESS || 'localhost:7233';
log.info('Loaded Temporal configuration', {
  address,
  execution_queue: env.TEMPORAL_ZIGFLOW_EXECUTION_TASK_QUEUE,
  namespace: env.TEMPORAL_NAMESPACE,
  orchestration_queue: env.TEMPORAL_WORKFLOW_EXECUTION_RUNNER_TASK_QUEUE,
});
const error = await dialTemporal(address);
if (error !== null) {
  log.fatal('Failed to create Zigflow worker', {
    error: `failed to create Temporal client: failed reaching server: ${error}`,
  });
}
keepAlive();
log.info('Temporal worker configured and ready');
