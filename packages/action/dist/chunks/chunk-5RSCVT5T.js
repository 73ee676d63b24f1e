import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/src/probe/address.ts
function parseAddress(value) {
  const match = /^\[(.+)\]:(\d+)$/.exec(value) ?? /^(.*):(\d+)$/.exec(value);
  if (!match) throw new Error(`Expected "host:port", got "${value}"`);
  return { host: match[1], port: Number(match[2]) };
}
function candidateHosts(host) {
  return host === "localhost" ? ["127.0.0.1", "::1"] : [host];
}

// ../core/src/probe/tcp.ts
import net from "node:net";
function connectOnce(host, port, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
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
  const hosts = candidateHosts(address.host);
  const attempts = hosts.map(
    (host) => connectOnce(host, address.port, timeoutMs).then((socket) => ({ socket, host }))
  );
  try {
    const winner = await Promise.any(attempts);
    for (const attempt of attempts) {
      attempt.then(
        ({ socket }) => socket !== winner.socket && socket.destroy(),
        () => {
        }
      );
    }
    return winner;
  } catch (error) {
    throw error.errors?.[0] ?? error;
  }
}

export {
  parseAddress,
  connect
};
