import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger.js';
import { healthCheck } from '../net/grpc-health-client.js';

export const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';

/** What `client.Dial` checks: Temporal's frontend answers its health service with SERVING. */
export async function dialTemporal(address: string): Promise<string | null> {
  const status = await healthCheck(address, WORKFLOW_SERVICE);
  return status === 'SERVING' ? null : `health check failed: ${status}`;
}

/**
 * stigmer-server's `InitialConnect` (pkg/server/temporal_manager.go): three tries, 1 s then
 * 2 s apart; a failure is not fatal (a health monitor would retry later).
 */
export async function initialConnect(address: string, log: Logger): Promise<boolean> {
  const maxRetries = 3;
  log.info('Attempting initial Temporal connection with retry', {
    host_port: address,
    max_retries: maxRetries,
    namespace: 'default',
  });
  for (let attempt = 1; attempt <= maxRetries; attempt++) {
    const error = await dialTemporal(address);
    if (error === null) {
      log.info('✅ Initial Temporal connection successful', { attempt, host_port: address });
      return true;
    }
    if (attempt < maxRetries) {
      const delay = 2 ** (attempt - 1) * 1000;
      log.warn('Temporal connection failed, retrying...', {
        attempt,
        error,
        host_port: address,
        retry_in: `${delay / 1000}s`,
      });
      await sleep(delay);
    } else {
      log.warn(
        'Failed initial Temporal connection after all retries - will retry via health monitor',
        { attempts: maxRetries, error, host_port: address },
      );
    }
  }
  return false;
}
