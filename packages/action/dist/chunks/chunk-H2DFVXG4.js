import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/src/probe/probe-result.ts
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
  describeSocketError
};
