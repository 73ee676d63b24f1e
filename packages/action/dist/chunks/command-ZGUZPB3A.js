import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runBounded
} from "./chunk-6EVVC7Z6.js";
import {
  formatCommand
} from "./chunk-DSUFZP6H.js";
import "./chunk-6KEWGWSB.js";
import "./chunk-HANBNIMK.js";

// ../core/src/probe/command.ts
async function probeCommand(argv, timeoutMs) {
  const result = await runBounded(argv, { timeoutMs });
  const shown = formatCommand(argv).slice(1, -1);
  if (result.timedOut)
    return { ready: false, detail: `\`${shown}\` timed out after ${timeoutMs} ms` };
  if (result.exitCode === 0) return { ready: true, detail: `\`${shown}\` exited 0` };
  if (result.spawnError)
    return { ready: false, detail: `\`${shown}\` could not run: ${result.spawnError}` };
  const last = result.all.trim().split("\n").at(-1)?.slice(0, 200);
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { ready: false, detail: `\`${shown}\` ${how}${last ? `: ${last}` : ""}` };
}
export {
  probeCommand
};
