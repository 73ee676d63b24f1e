import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import "./chunk-HANBNIMK.js";

// ../core/dist/probe/command.js
async function probeCommand(argv, timeoutMs) {
  const { execa } = await import("./execa-5YVE4HVE.js");
  const [file, ...args] = argv;
  const result = await execa(file, args, {
    reject: false,
    timeout: timeoutMs,
    stdin: "ignore",
    all: true,
    forceKillAfterDelay: 1e3
  });
  const shown = formatCommand(argv).slice(1, -1);
  if (result.exitCode === 0)
    return { ready: true, detail: `\`${shown}\` exited 0` };
  if (result.timedOut)
    return { ready: false, detail: `\`${shown}\` timed out after ${timeoutMs} ms` };
  if (result.failed && result.exitCode === void 0) {
    return {
      ready: false,
      detail: `\`${shown}\` could not run: ${result.shortMessage ?? result.message}`
    };
  }
  const last = String(result.all ?? "").trim().split("\n").at(-1)?.slice(0, 200);
  return {
    ready: false,
    detail: `\`${shown}\` exited ${result.exitCode}${last ? `: ${last}` : ""}`
  };
}
export {
  probeCommand
};
