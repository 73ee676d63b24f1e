import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "./chunk-HANBNIMK.js";

// ../core/src/probe/docker.ts
async function probeDocker(container, timeoutMs) {
  const { execa } = await import("./execa-5YVE4HVE.js");
  const result = await execa("docker", ["inspect", "--format", "{{.State.Running}}", container], {
    reject: false,
    timeout: timeoutMs,
    stdin: "ignore"
  });
  if (result.exitCode === 0) {
    return String(result.stdout).trim() === "true" ? { ready: true, detail: `container ${container} running` } : { ready: false, detail: `container ${container} is not running` };
  }
  const stderr = String(result.stderr ?? "").trim();
  if (/no such (object|container)/i.test(stderr))
    return { ready: false, detail: `no container named ${container}` };
  if (result.failed && result.exitCode === void 0) {
    return {
      ready: false,
      detail: `docker is not available (${result.shortMessage ?? "not found"})`
    };
  }
  return {
    ready: false,
    detail: `docker inspect ${container} failed: ${stderr.split("\n")[0] || `exit ${result.exitCode}`}`
  };
}
export {
  probeDocker
};
