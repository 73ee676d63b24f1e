import * as grpc from '@grpc/grpc-js';
import { service } from 'grpc-health-check';

type CheckCallback = (error: grpc.ServiceError | null, response?: { status: string }) => void;
type HealthClient = grpc.Client & {
  Check(request: { service: string }, options: grpc.CallOptions, callback: CheckCallback): void;
};

const HealthClient = grpc.makeClientConstructor(
  service as unknown as grpc.ServiceDefinition,
  'grpc.health.v1.Health',
);

/**
 * One `grpc.health.v1.Health/Check` call, as Temporal's Go SDK makes in `client.Dial`: the
 * status name (`SERVING`, ...), or `ERROR <code name>` (a closed port fails at once).
 */
export function healthCheck(
  address: string,
  serviceName: string,
  timeoutMs = 5_000,
): Promise<string> {
  const client = new HealthClient(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as HealthClient;
  return new Promise((resolve) => {
    client.Check(
      { service: serviceName },
      { deadline: Date.now() + timeoutMs },
      (error, response) => {
        client.close();
        resolve(error ? `ERROR ${grpc.status[error.code]}` : (response?.status ?? 'UNKNOWN'));
      },
    );
  });
}

/** A blocking gRPC dial (`grpc.WithBlock`): true once an HTTP/2 connection is ready. */
export function grpcDialReady(address: string, timeoutMs: number): Promise<boolean> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.waitForReady(Date.now() + timeoutMs, (error) => {
      client.close();
      resolve(error === undefined || error === null);
    });
  });
}
