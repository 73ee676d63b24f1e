import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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
    default:
      return error.message ?? String(error);
  }
}

export {
  DEFAULT_PROBE_TIMEOUT_MS,
  describeSocketError
};
