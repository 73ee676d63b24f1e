/**
 * The app's view of the stack: what a Temporal client does first on every call, a gRPC health
 * check of the workflow service with a deadline, retried with back-off; and a connection to
 * stigmer-server. One unary call over node:http2, without a gRPC library.
 */
import http2 from 'node:http2';
import net from 'node:net';

const SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';

/** One `grpc.health.v1.Health/Check`: SERVING, another status, or the error (a timeout). */
function healthCheck(address: string, deadlineMs: number): Promise<string> {
  return new Promise((resolve) => {
    const session = http2.connect(`http://${address}`);
    const done = (answer: string) => {
      clearTimeout(timer);
      session.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done('DEADLINE_EXCEEDED'), deadlineMs);
    session.on('error', (error) => done(`ERROR ${(error as NodeJS.ErrnoException).code}`));
    const name = Buffer.from(SERVICE);
    const message = Buffer.concat([Buffer.from([0x0a, name.length]), name]);
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    const call = session.request({
      ':method': 'POST',
      ':path': '/grpc.health.v1.Health/Check',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const chunks: Buffer[] = [];
    call.on('data', (chunk: Buffer) => chunks.push(chunk));
    call.on('error', () => done('ERROR stream'));
    call.on('end', () => {
      const body = Buffer.concat(chunks);
      // The response message: field 1 (status), a varint; 1 is SERVING.
      done(body.length >= 7 && body[5] === 0x08 && body[6] === 1 ? 'SERVING' : 'NOT_SERVING');
    });
    call.end(frame);
  });
}

export interface Attempts {
  readonly ok: boolean;
  readonly attempts: readonly string[];
  readonly elapsedMs: number;
}

/** The client's retry: each attempt with its own deadline, back-off 100 ms doubling to 1 s. */
export async function withRetry(
  address: string,
  { deadlineMs = 500, totalMs = 15_000 } = {},
): Promise<Attempts> {
  const began = Date.now();
  const attempts: string[] = [];
  let backoff = 100;
  while (Date.now() - began < totalMs) {
    const answer = await healthCheck(address, deadlineMs);
    attempts.push(answer);
    if (answer === 'SERVING') return { ok: true, attempts, elapsedMs: Date.now() - began };
    await new Promise((r) => setTimeout(r, backoff));
    backoff = Math.min(backoff * 2, 1_000);
  }
  return { ok: false, attempts, elapsedMs: Date.now() - began };
}

/** stigmer-server accepts a connection (what every client call does first). */
export function serverAccepts(address: string): Promise<boolean> {
  const [host, port] = [
    address.slice(0, address.lastIndexOf(':')),
    address.slice(address.lastIndexOf(':') + 1),
  ];
  return new Promise((resolve) => {
    const socket = net.connect({
      host: host === 'localhost' ? '127.0.0.1' : host,
      port: Number(port),
    });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
