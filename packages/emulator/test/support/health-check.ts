import * as grpc from '@grpc/grpc-js';
import { service } from 'grpc-health-check';

/** A client for the standard `grpc.health.v1.Health` service, built from the package's proto. */
const HealthClient = grpc.makeClientConstructor(
  service as unknown as grpc.ServiceDefinition,
  'grpc.health.v1.Health',
);

type CheckCallback = (error: grpc.ServiceError | null, response?: { status: string }) => void;

/** One `Health/Check` call: the status name (`SERVING`, ...), or `ERROR <code name>`. */
export function healthCheck(
  address: string,
  serviceName: string,
  timeoutMs = 2_000,
): Promise<string> {
  const client = new HealthClient(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & {
    Check(request: { service: string }, options: grpc.CallOptions, callback: CheckCallback): void;
  };
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
