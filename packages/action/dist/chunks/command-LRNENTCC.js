import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runBounded
} from "./chunk-DRDZ57S2.js";
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-HANBNIMK.js";

// ../core/dist/probe/command.js
async function probeCommand(argv, timeoutMs) {
  const result = await runBounded(argv, { timeoutMs });
  const shown = formatCommand(argv).slice(1, -1);
  if (result.timedOut)
    return { ready: false, detail: `\`${shown}\` timed out after ${timeoutMs} ms` };
  if (result.exitCode === 0)
    return { ready: true, detail: `\`${shown}\` exited 0` };
  if (result.spawnError)
    return { ready: false, detail: `\`${shown}\` could not run: ${result.spawnError}` };
  const last = result.all.trim().split("\n").at(-1)?.slice(0, 200);
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { ready: false, detail: `\`${shown}\` ${how}${last ? `: ${last}` : ""}` };
}
export {
  probeCommand
};
