import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeSocketError,
  dropSelfConnection,
  isSelfConnection
} from "./chunk-EWGGLT7N.js";
import "./chunk-HANBNIMK.js";

// ../core/dist/probe/http.js
async function probeHttp(url, status, options) {
  const [min, max] = status === void 0 ? [200, 399] : Array.isArray(status) ? status : [status, status];
  const client = url.startsWith("https:") ? (await import("node:https")).default : (await import("node:http")).default;
  return new Promise((resolve) => {
    const request = client.get(url, { timeout: options.timeoutMs, agent: false }, (response) => {
      response.resume();
      const code = response.statusCode ?? 0;
      const expected = min === max ? `${min}` : `${min}-${max}`;
      resolve(code >= min && code <= max ? { ready: true, detail: `HTTP ${code} from ${url}` } : { ready: false, detail: `${url}: HTTP ${code} (expected ${expected})` });
    });
    let selfConnected = null;
    request.once("socket", (socket) => socket.once("connect", () => {
      if (isSelfConnection(socket))
        selfConnected = dropSelfConnection(socket);
    }));
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", (error) => resolve({ ready: false, detail: `${url}: ${describeSocketError(selfConnected ?? error)}` }));
  });
}
export {
  probeHttp
};
