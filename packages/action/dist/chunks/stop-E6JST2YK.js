import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runBounded,
  terminateEach,
  terminateTree
} from "./chunk-6EVVC7Z6.js";
import {
  connect,
  parseAddress
} from "./chunk-LTLFWH5V.js";
import {
  formatCommand
} from "./chunk-DSUFZP6H.js";
import {
  commandEnv,
  componentPidFile
} from "./chunk-6BER4CMT.js";
import {
  inspectPid,
  isSameProcess,
  readSmallFile,
  sleep
} from "./chunk-6KEWGWSB.js";
import "./chunk-HANBNIMK.js";

// ../core/src/probe/pid-file.ts
async function readPidFile(file) {
  let text;
  try {
    text = readSmallFile(file);
  } catch {
    text = null;
  }
  if (text === null) return { kind: "missing" };
  const first = text.split("\n", 1)[0].trim();
  const pid = /^\d+$/.test(first) ? Number(first) : Number.NaN;
  if (!Number.isInteger(pid) || pid <= 0) return { kind: "invalid", content: first.slice(0, 40) };
  const found = await inspectPid(pid);
  if (found.state === "alive") return { kind: "alive", process: found.ref };
  return found.state === "dead" ? { kind: "dead", pid } : { kind: "unknown", pid, reason: found.reason };
}

// ../core/src/probe/run-probe.ts
function probeAddress(probe) {
  if ("tcp" in probe) return probe.tcp;
  if ("grpc" in probe) return probe.grpc;
  if ("http" in probe) {
    const url = new URL(probe.http);
    return `${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  }
  if ("anyOf" in probe) return probe.anyOf.map(probeAddress).find((a) => a !== null) ?? null;
  return null;
}

// ../core/src/util/redact.ts
var SECRET_NAME = /(^|_)(API_KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;
var MIN_SECRET_LENGTH = 6;
function secretValues(...envs) {
  const values = /* @__PURE__ */ new Set();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (value && value.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(value);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}
function redact(text, secrets = secretValues(process.env)) {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out;
}

// ../core/src/stack/identity.ts
async function readIdentity(profile) {
  const entries = await Promise.all(
    profile.components.map(async (component) => {
      const file = componentPidFile(component);
      const read = file ? await readPidFile(file) : null;
      return read?.kind === "alive" ? { component: component.name, ...read.process } : null;
    })
  );
  return entries.filter((e) => e !== null);
}

// ../core/src/stack/ports-free.ts
async function waitPortsFree(addresses, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let busy = [...new Set(addresses)];
  for (let pause = 2; busy.length > 0; pause = Math.min(pause * 2, 50)) {
    const still = await Promise.all(
      busy.map(async (address) => {
        try {
          const { socket } = await connect(parseAddress(address), 500);
          socket.destroy();
          return address;
        } catch {
          return null;
        }
      })
    );
    busy = still.filter((a) => a !== null);
    if (busy.length === 0 || Date.now() >= deadline) break;
    await sleep(pause);
  }
  return busy;
}

// ../core/src/stack/stop.ts
var PORTS_FREE_TIMEOUT_MS = 5e3;
var STOP_COMMAND_GRACE_MS = 5e3;
async function stopStack(profile, owner) {
  const started = performance.now();
  const steps = [];
  const problems = [];
  let commandMs = null;
  if (owner.mode === "process") {
    if (owner.process) {
      const result = await terminateTree(
        owner.process,
        profile.stop.signal,
        profile.stop.timeoutMs
      );
      steps.push(...result.steps);
      problems.push(...result.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
    }
  } else {
    if (owner.phase === "starting" && owner.process && await isSameProcess(owner.process)) {
      const result = await terminateTree(owner.process, "SIGTERM", 2e3);
      steps.push(`start command still running: ${result.steps.join("; ")}`);
    }
    const recordedAlive = (await Promise.all(owner.identity.map(async (e) => await isSameProcess(e) ? e : null))).filter((e) => e !== null);
    if (owner.identity.length > 0 && recordedAlive.length === 0) {
      const replaced = (await readIdentity(profile)).map((e) => `${e.component} (pid ${e.pid})`);
      if (replaced.length > 0) {
        return {
          stopped: false,
          steps: [
            `the processes we started are gone and ${replaced.join(", ")} now run in their place: someone restarted the stack, so it is no longer ours; left running`
          ],
          problems: [],
          durationMs: Math.round(performance.now() - started),
          commandMs: null
        };
      }
    }
    const command = await runStopCommand(profile);
    commandMs = command.ms;
    steps.push(...command.steps);
    const leftovers = await terminateEach(recordedAlive, 2e3);
    if (leftovers.steps.length > 0)
      steps.push(`after the stop command: ${leftovers.steps.join("; ")}`);
    problems.push(...leftovers.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
  }
  const addresses = profile.components.map((c) => probeAddress(c.probe)).filter((a) => a !== null);
  const busy = await waitPortsFree(addresses, PORTS_FREE_TIMEOUT_MS);
  problems.push(...busy.map((a) => `${a} still accepts connections after the stop`));
  if (busy.length === 0 && addresses.length > 0) steps.push(`ports free: ${addresses.join(", ")}`);
  return {
    stopped: true,
    steps,
    problems,
    durationMs: Math.round(performance.now() - started),
    commandMs
  };
}
async function runStopCommand(profile) {
  const argv = profile.stop.command;
  if (!argv) return { steps: [], ms: null };
  const began = performance.now();
  const shown = formatCommand(argv);
  const timeout = profile.stop.timeoutMs + STOP_COMMAND_GRACE_MS;
  const result = await runBounded(argv, {
    timeoutMs: timeout,
    cwd: profile.start?.cwd,
    env: commandEnv(profile)
  });
  const ms = Math.round(performance.now() - began);
  if (result.timedOut) return { steps: [`${shown} hung for ${timeout} ms and was killed`], ms };
  if (result.spawnError) return { steps: [`${shown} could not run: ${result.spawnError}`], ms };
  const last = redact(result.all.trim().split("\n").at(-1) ?? "");
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { steps: [`${shown} ${how}${last ? ` (${last.slice(0, 200)})` : ""}`], ms };
}
export {
  stopStack
};
