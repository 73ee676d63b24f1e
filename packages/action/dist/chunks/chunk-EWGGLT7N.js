import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/probe/address.js
function parseAddress(value) {
  const match = /^\[(.+)\]:(\d+)$/.exec(value) ?? /^(.*):(\d+)$/.exec(value);
  if (!match)
    throw new Error(`Expected "host:port", got "${value}"`);
  return { host: match[1], port: Number(match[2]) };
}
function candidateHosts(host) {
  return host === "localhost" ? ["127.0.0.1", "::1"] : [host];
}
function formatAddress({ host, port }) {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

// ../core/dist/probe/probe-result.js
var DEFAULT_PROBE_TIMEOUT_MS = 1e3;
function describeSocketError(error) {
  const code = error.code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "connection reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "ETIMEDOUT":
      return "timed out";
    case "ESELFCONNECT":
      return "connection refused (nothing listens: the connection was made to itself)";
    default:
      return error.message ?? String(error);
  }
}

// ../core/dist/probe/tcp.js
import net from "node:net";
function isSelfConnection(socket) {
  return socket.localPort !== void 0 && socket.localPort === socket.remotePort && socket.localAddress === socket.remoteAddress;
}
function dropSelfConnection(socket) {
  socket.resetAndDestroy();
  return Object.assign(new Error("nothing listens (the connection was made to itself)"), {
    code: "ESELFCONNECT"
  });
}
function connectOnce(host, port, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      if (isSelfConnection(socket))
        reject(dropSelfConnection(socket));
      else
        resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
async function connect(address, timeoutMs) {
  let firstError;
  for (const host of candidateHosts(address.host)) {
    try {
      return { socket: await connectOnce(host, address.port, timeoutMs), host };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}
async function probeTcp(target, options) {
  const address = parseAddress(target);
  try {
    const { socket, host } = await connect(address, options.timeoutMs);
    socket.destroy();
    return { ready: true, detail: `accepting on ${formatAddress({ host, port: address.port })}` };
  } catch (error) {
    return { ready: false, detail: `${target}: ${describeSocketError(error)}` };
  }
}

export {
  parseAddress,
  DEFAULT_PROBE_TIMEOUT_MS,
  describeSocketError,
  isSelfConnection,
  dropSelfConnection,
  connect,
  probeTcp
};
