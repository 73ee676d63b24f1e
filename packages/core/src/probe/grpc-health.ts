/**
 * gRPC health check (`grpc.health.v1.Health/Check`) over `node:http2`, without a gRPC library:
 * the call is one unary request with one string field and a one-enum response, and
 * `@grpc/grpc-js` costs tens of ms to load on every warm run.
 */
import http2 from 'node:http2';
import { parseAddress } from './address.js';
import { describeSocketError, type ProbeOptions, type ProbeResult } from './probe-result.js';
import { connect } from './tcp.js';

const SERVING_STATUS = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'] as const;

/** HealthCheckRequest { string service = 1; } in a gRPC length-prefixed frame. */
export function encodeRequest(service: string): Buffer {
  const name = Buffer.from(service, 'utf8');
  const message =
    name.length === 0
      ? Buffer.alloc(0)
      : Buffer.concat([Buffer.from([0x0a]), varint(name.length), name]);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** Reads HealthCheckResponse { ServingStatus status = 1; } from a gRPC frame. */
export function decodeStatus(frame: Buffer): (typeof SERVING_STATUS)[number] {
  if (frame.length < 5) return 'UNKNOWN';
  const length = frame.readUInt32BE(1);
  const message = frame.subarray(5, 5 + length);
  let offset = 0;
  while (offset < message.length) {
    const [tag, afterTag] = readVarint(message, offset);
    const field = tag >> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const [value, next] = readVarint(message, afterTag);
      if (field === 1) return SERVING_STATUS[value] ?? 'UNKNOWN';
      offset = next;
    } else if (wire === 2) {
      const [len, next] = readVarint(message, afterTag);
      offset = next + len;
    } else {
      break; // no other wire types in this message
    }
  }
  return 'UNKNOWN'; // proto3 omits the default value, which is UNKNOWN (0)
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function readVarint(buffer: Buffer, start: number): [number, number] {
  let value = 0;
  let shift = 0;
  let offset = start;
  for (;;) {
    const byte = buffer[offset++];
    if (byte === undefined) return [value, offset];
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value, offset];
    shift += 7;
  }
}

const GRPC_CODES: Record<string, string> = {
  '5': 'NOT_FOUND (service unknown to the health server)',
  '12': 'UNIMPLEMENTED (no health service registered)',
  '14': 'UNAVAILABLE',
};

/**
 * Open HTTP/2 sessions by address, reused across probes in this process: a new session costs a
 * connect and a SETTINGS round trip (~3 ms here), and readiness polls the same address often.
 * Sessions are unref'd (they never keep a process alive) and dropped on close or error.
 */
const sessions = new Map<string, Promise<http2.ClientHttp2Session>>();

function sessionFor(target: string, timeoutMs: number): Promise<http2.ClientHttp2Session> {
  let session = sessions.get(target);
  if (!session) {
    session = connect(parseAddress(target), timeoutMs).then(({ socket }) => {
      const opened = http2.connect(`http://${target}`, { createConnection: () => socket });
      opened.unref();
      const forget = () => {
        if (sessions.get(target) === session) sessions.delete(target);
      };
      opened.once('close', forget);
      opened.once('error', forget);
      opened.once('goaway', forget);
      return opened;
    });
    sessions.set(target, session);
    session.catch(() => sessions.delete(target));
  }
  return session;
}

/** Sessions are ref'd only while a call is in flight, so a probe in progress keeps its process alive. */
const inFlight = new WeakMap<http2.ClientHttp2Session, number>();

function track(session: http2.ClientHttp2Session, delta: 1 | -1): void {
  const count = (inFlight.get(session) ?? 0) + delta;
  inFlight.set(session, count);
  if (count > 0) session.ref();
  else session.unref();
}

/** One Check call on a session; rejects on a transport failure, resolves with the answer. */
async function check(
  session: http2.ClientHttp2Session,
  target: string,
  label: string,
  service: string,
  timeoutMs: number,
): Promise<ProbeResult> {
  track(session, 1);
  try {
    return await call(session, target, label, service, timeoutMs);
  } finally {
    track(session, -1);
  }
}

function call(
  session: http2.ClientHttp2Session,
  target: string,
  label: string,
  service: string,
  timeoutMs: number,
): Promise<ProbeResult> {
  return new Promise<ProbeResult>((resolve, reject) => {
    const stream = session.request({
      ':method': 'POST',
      ':path': '/grpc.health.v1.Health/Check',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    stream.setTimeout(timeoutMs, () => {
      stream.close(http2.constants.NGHTTP2_CANCEL);
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    const chunks: Buffer[] = [];
    let grpcStatus: string | undefined;
    stream.on('response', (headers) => {
      // A trailers-only response carries grpc-status in the headers.
      if (headers['grpc-status'] !== undefined) grpcStatus = String(headers['grpc-status']);
    });
    stream.on('trailers', (trailers) => {
      grpcStatus = String(trailers['grpc-status'] ?? grpcStatus);
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      if (grpcStatus !== undefined && grpcStatus !== '0') {
        resolve({
          ready: false,
          detail: `${label}: gRPC status ${GRPC_CODES[grpcStatus] ?? grpcStatus}`,
        });
        return;
      }
      const status = decodeStatus(Buffer.concat(chunks));
      resolve({
        ready: status === 'SERVING',
        detail: status === 'SERVING' ? `SERVING on ${target}` : `${label}: ${status}`,
      });
    });
    stream.end(encodeRequest(service));
  });
}

export async function probeGrpcHealth(
  target: string,
  service: string,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const label = service ? `${target} (${service})` : target;
  // A pooled session may be stale (the server restarted since): on a transport failure, drop it
  // and ask once more on a fresh one.
  for (let attempt = 0; ; attempt++) {
    const pooled = sessions.has(target);
    let session: http2.ClientHttp2Session | undefined;
    try {
      session = await sessionFor(target, options.timeoutMs);
      return await check(session, target, label, service, options.timeoutMs);
    } catch (error) {
      session?.destroy();
      sessions.delete(target);
      if (!pooled || attempt > 0)
        return { ready: false, detail: `${label}: ${describeSocketError(error)}` };
    }
  }
}
