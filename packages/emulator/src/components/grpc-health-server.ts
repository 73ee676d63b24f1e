import { Server, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatusMap } from 'grpc-health-check';
import { hostPort } from '../net/host-port.js';

export interface HealthServer {
  /** Changes a service's status; watchers of `grpc.health.v1.Health/Watch` are told. */
  setStatus: HealthImplementation['setStatus'];
  close(): Promise<void>;
}

/**
 * A gRPC server on host:port serving only the standard `grpc.health.v1.Health` service, so any
 * health client (grpc-health-probe, Temporal SDKs, grpc-js) can probe it.
 */
export async function startHealthServer(
  host: string,
  port: number,
  statuses: ServingStatusMap,
): Promise<HealthServer> {
  const server = new Server();
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  const address = hostPort(host, port);
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error) => {
      if (error) {
        // Go-style message, as the real services print it.
        reject(new Error(`listen tcp ${address}: bind: ${error.message}`, { cause: error }));
      } else {
        resolve();
      }
    });
  });
  return {
    setStatus: (service, status) => health.setStatus(service, status),
    close: () =>
      new Promise<void>((resolve) => {
        // Open Watch streams would hold a graceful shutdown forever; cut them after a moment.
        const force = setTimeout(() => server.forceShutdown(), 500);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
