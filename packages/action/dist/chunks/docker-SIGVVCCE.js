import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runBounded
} from "./chunk-DRDZ57S2.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-HANBNIMK.js";

// ../core/dist/probe/docker.js
async function probeDocker(container, timeoutMs) {
  const result = await runBounded(["docker", "inspect", "--format", "{{.State.Running}}", container], { timeoutMs });
  if (result.exitCode === 0) {
    return result.stdout.trim() === "true" ? { ready: true, detail: `container ${container} running` } : { ready: false, detail: `container ${container} is not running` };
  }
  const stderr = result.stderr.trim();
  if (/no such (object|container)/i.test(stderr))
    return { ready: false, detail: `no container named ${container}` };
  if (result.spawnError)
    return { ready: false, detail: `docker is not available (${result.spawnError})` };
  if (result.timedOut)
    return { ready: false, detail: `docker inspect ${container} timed out after ${timeoutMs} ms` };
  return {
    ready: false,
    detail: `docker inspect ${container} failed: ${stderr.split("\n")[0] || `exit ${result.exitCode}`}`
  };
}
export {
  probeDocker
};
