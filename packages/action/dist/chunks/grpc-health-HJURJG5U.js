import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  connect,
  describeSocketError,
  parseAddress
} from "./chunk-EWGGLT7N.js";
import "./chunk-HANBNIMK.js";

// ../core/dist/probe/grpc-health.js
import http2 from "node:http2";
var SERVING_STATUS = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];
function encodeRequest(service) {
  const name = Buffer.from(service, "utf8");
  const message = name.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from([10]), varint(name.length), name]);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}
function decodeStatus(frame) {
  if (frame.length < 5)
    return "UNKNOWN";
  const length = frame.readUInt32BE(1);
  const message = frame.subarray(5, 5 + length);
  let offset = 0;
  while (offset < message.length) {
    const [tag, afterTag] = readVarint(message, offset);
    const field = tag >> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const [value, next] = readVarint(message, afterTag);
      if (field === 1)
        return SERVING_STATUS[value] ?? "UNKNOWN";
      offset = next;
    } else if (wire === 2) {
      const [len, next] = readVarint(message, afterTag);
      offset = next + len;
    } else {
      break;
    }
  }
  return "UNKNOWN";
}
function varint(value) {
  const bytes = [];
  let rest = value;
  while (rest > 127) {
    bytes.push(rest & 127 | 128);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
function readVarint(buffer, start) {
  let value = 0;
  let shift = 0;
  let offset = start;
  for (; ; ) {
    const byte = buffer[offset++];
    if (byte === void 0)
      return [value, offset];
    value |= (byte & 127) << shift;
    if ((byte & 128) === 0)
      return [value, offset];
    shift += 7;
  }
}
var GRPC_CODES = {
  "5": "NOT_FOUND (service unknown to the health server)",
  "12": "UNIMPLEMENTED (no health service registered)",
  "14": "UNAVAILABLE"
};
var sessions = /* @__PURE__ */ new Map();
function sessionFor(target, timeoutMs) {
  let session = sessions.get(target);
  if (!session) {
    session = connect(parseAddress(target), timeoutMs).then(({ socket }) => {
      const opened = http2.connect(`http://${target}`, { createConnection: () => socket });
      opened.unref();
      const forget = () => {
        if (sessions.get(target) === session)
          sessions.delete(target);
      };
      opened.once("close", forget);
      opened.once("error", forget);
      opened.once("goaway", forget);
      return opened;
    });
    sessions.set(target, session);
    session.catch(() => sessions.delete(target));
  }
  return session;
}
var inFlight = /* @__PURE__ */ new WeakMap();
function track(session, delta) {
  const count = (inFlight.get(session) ?? 0) + delta;
  inFlight.set(session, count);
  if (count > 0)
    session.ref();
  else
    session.unref();
}
async function check(session, target, label, service, timeoutMs) {
  track(session, 1);
  try {
    return await call(session, target, label, service, timeoutMs);
  } finally {
    track(session, -1);
  }
}
function call(session, target, label, service, timeoutMs) {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ":method": "POST",
      ":path": "/grpc.health.v1.Health/Check",
      "content-type": "application/grpc",
      te: "trailers"
    });
    stream.setTimeout(timeoutMs, () => {
      stream.close(http2.constants.NGHTTP2_CANCEL);
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
    });
    const chunks = [];
    let grpcStatus;
    stream.on("response", (headers) => {
      if (headers["grpc-status"] !== void 0)
        grpcStatus = String(headers["grpc-status"]);
    });
    stream.on("trailers", (trailers) => {
      grpcStatus = String(trailers["grpc-status"] ?? grpcStatus);
    });
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("error", reject);
    stream.on("end", () => {
      if (grpcStatus !== void 0 && grpcStatus !== "0") {
        resolve({
          ready: false,
          detail: `${label}: gRPC status ${GRPC_CODES[grpcStatus] ?? grpcStatus}`
        });
        return;
      }
      const status = decodeStatus(Buffer.concat(chunks));
      resolve({
        ready: status === "SERVING",
        detail: status === "SERVING" ? `SERVING on ${target}` : `${label}: ${status}`
      });
    });
    stream.end(encodeRequest(service));
  });
}
async function probeGrpcHealth(target, service, options) {
  const label = service ? `${target} (${service})` : target;
  for (let attempt = 0; ; attempt++) {
    const pooled = sessions.has(target);
    let session;
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
export {
  decodeStatus,
  encodeRequest,
  probeGrpcHealth
};
