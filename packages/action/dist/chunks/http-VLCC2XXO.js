import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeSocketError
} from "./chunk-H2DFVXG4.js";
import "./chunk-HANBNIMK.js";

// ../core/src/probe/http.ts
import http from "node:http";
import https from "node:https";
function probeHttp(url, status, options) {
  const [min, max] = status === void 0 ? [200, 399] : Array.isArray(status) ? status : [status, status];
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve) => {
    const request = client.get(url, { timeout: options.timeoutMs, agent: false }, (response) => {
      response.resume();
      const code = response.statusCode ?? 0;
      const expected = min === max ? `${min}` : `${min}-${max}`;
      resolve(
        code >= min && code <= max ? { ready: true, detail: `HTTP ${code} from ${url}` } : { ready: false, detail: `${url}: HTTP ${code} (expected ${expected})` }
      );
    });
    request.on(
      "timeout",
      () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" }))
    );
    request.on(
      "error",
      (error) => resolve({ ready: false, detail: `${url}: ${describeSocketError(error)}` })
    );
  });
}
export {
  probeHttp
};
