/** Emulated workflow-runner: gRPC health "" SERVING on its port. */
import { hostPort } from '../net/host-port.js';
import type { HealthServer } from './grpc-health-server.js';
import { exit, serveHealth, startComponent } from './runtime.js';

const { settings, log, onShutdown } = startComponent('workflow-runner');
let server: HealthServer | undefined;
onShutdown(async () => {
  await server?.close();
});

log.info(`Temporal address ${hostPort(settings.host, settings.temporalPort)}`);
try {
  server = await serveHealth(settings.host, settings.workflowRunnerPort, { '': 'SERVING' });
} catch (error) {
  log.error(`failed to start health server: ${(error as Error).message}`);
  exit(log, 1);
}
log.info(`health server listening on ${hostPort(settings.host, settings.workflowRunnerPort)}`);
log.info('workflow-runner ready');
