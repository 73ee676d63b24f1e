import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runBounded,
  signalVerified,
  terminateEach,
  terminateTree
} from "./chunk-DRDZ57S2.js";
import {
  withLock
} from "./chunk-CHZHEBOU.js";
import {
  readState,
  writeState
} from "./chunk-L66SN3ZJ.js";
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import {
  inspectPid,
  isSameProcess,
  processRef,
  readSmallFile,
  replaceSmallFile,
  sleep
} from "./chunk-OWJNM7FF.js";
import {
  commandEnv,
  componentPidFile
} from "./chunk-CVPLYTV6.js";
import {
  connect,
  parseAddress,
  probeTcp
} from "./chunk-EWGGLT7N.js";

// ../core/dist/fault/pauses.js
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
var pausesDir = (stateDir) => path.join(stateDir, "pauses");
var pauseFile = (stateDir, id) => path.join(pausesDir(stateDir), `${id}.json`);
function writePause(stateDir, record) {
  mkdirSync(pausesDir(stateDir), { recursive: true, mode: 448 });
  const file = pauseFile(stateDir, record.id);
  replaceSmallFile(file, `${file}.tmp`, JSON.stringify(record));
  return file;
}
function readPause(file) {
  try {
    const text = readSmallFile(file);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
function listPauses(stateDir) {
  let names;
  try {
    names = readdirSync(pausesDir(stateDir));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith(".json")).map((n) => readPause(path.join(pausesDir(stateDir), n))).filter((r) => r !== null);
}
async function thaw(target) {
  if (target.kind === "process") {
    const sent = await signalVerified(target, "SIGCONT");
    return sent ? `SIGCONT to pid ${target.pid}` : `pid ${target.pid} is gone (or another process now): nothing to resume`;
  }
  const inspect = await runBounded(["docker", "inspect", "--format", "{{.Id}}|{{.State.StartedAt}}|{{.State.Paused}}", target.id], { timeoutMs: 1e4 });
  const [id, startedAt, paused] = inspect.stdout.trim().split("|");
  if (inspect.exitCode !== 0 || id !== target.id || startedAt !== target.startedAt)
    return `container ${target.container} is gone or was restarted: nothing to resume`;
  if (paused !== "true")
    return `container ${target.container} is not paused`;
  const result = await runBounded(["docker", "unpause", target.id], { timeoutMs: 1e4 });
  return result.exitCode === 0 ? `docker unpause ${target.container}` : `docker unpause ${target.container} failed: ${result.stderr.trim() || result.spawnError}`;
}
async function resumePause(stateDir, record) {
  const done = await thaw(record.target);
  rmSync(pauseFile(stateDir, record.id), { force: true });
  return done;
}
async function resumeAllPauses(stateDir) {
  return Promise.all(listPauses(stateDir).map((r) => resumePause(stateDir, r)));
}

// ../core/dist/probe/pid-file.js
async function readPidFile(file) {
  let text;
  try {
    text = readSmallFile(file);
  } catch {
    text = null;
  }
  if (text === null)
    return { kind: "missing" };
  const first = text.split("\n", 1)[0].trim();
  const pid = /^\d+$/.test(first) ? Number(first) : Number.NaN;
  if (!Number.isInteger(pid) || pid <= 0)
    return { kind: "invalid", content: first.slice(0, 40) };
  const found = await inspectPid(pid);
  if (found.state === "alive")
    return { kind: "alive", process: found.ref };
  return found.state === "dead" ? { kind: "dead", pid } : { kind: "unknown", pid, reason: found.reason };
}
async function probePidFile(file) {
  const read = await readPidFile(file);
  switch (read.kind) {
    case "missing":
      return { ready: false, detail: `no pid file at ${file}` };
    case "invalid":
      return {
        ready: false,
        detail: `${file} does not hold a pid (starts with "${read.content}")`
      };
    case "dead":
      return { ready: false, detail: `pid ${read.pid} is dead (from ${file})` };
    case "alive":
      return { ready: true, detail: `pid ${read.process.pid} alive` };
    case "unknown":
      return { ready: false, detail: `pid ${read.pid} could not be checked: ${read.reason}` };
  }
}

// ../core/dist/probe/ports-free.js
async function waitPortsFree(addresses, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let busy = [...new Set(addresses)];
  for (let pause = 2; busy.length > 0; pause = Math.min(pause * 2, 50)) {
    const still = await Promise.all(busy.map(async (address) => {
      try {
        const { socket } = await connect(parseAddress(address), 500);
        socket.destroy();
        return address;
      } catch {
        return null;
      }
    }));
    busy = still.filter((a) => a !== null);
    if (busy.length === 0 || Date.now() >= deadline)
      break;
    await sleep(pause);
  }
  return busy;
}

// ../core/dist/probe/run-probe.js
var load = {
  grpc: () => import("./grpc-health-HJURJG5U.js"),
  http: () => import("./http-HETSPKQV.js"),
  command: () => import("./command-LRNENTCC.js"),
  docker: () => import("./docker-SIGVVCCE.js")
};
async function runProbe(probe, options) {
  try {
    if ("tcp" in probe)
      return await probeTcp(probe.tcp, options);
    if ("grpc" in probe)
      return await (await load.grpc()).probeGrpcHealth(probe.grpc, probe.service ?? "", options);
    if ("http" in probe)
      return await (await load.http()).probeHttp(probe.http, probe.status, options);
    if ("pidFile" in probe)
      return await probePidFile(probe.pidFile);
    if ("command" in probe)
      return await (await load.command()).probeCommand(probe.command, probe.timeoutMs ?? Math.max(options.timeoutMs, 5e3));
    if ("docker" in probe)
      return await (await load.docker()).probeDocker(probe.docker, Math.max(options.timeoutMs, 5e3));
    const results = await Promise.all(probe.anyOf.map((p) => runProbe(p, options)));
    return results.find((r) => r.ready) ?? {
      ready: false,
      detail: results.map((r) => r.detail).join("; ")
    };
  } catch (error) {
    return { ready: false, detail: `probe failed: ${error.message}` };
  }
}
function probeAddress(probe) {
  if ("tcp" in probe)
    return probe.tcp;
  if ("grpc" in probe)
    return probe.grpc;
  if ("http" in probe) {
    const url = new URL(probe.http);
    return `${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  }
  if ("anyOf" in probe)
    return probe.anyOf.map(probeAddress).find((a) => a !== null) ?? null;
  return null;
}

// ../core/dist/process/launch-id.js
import { randomUUID } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync } from "node:fs";
var LAUNCH_ID_ENV = "STIGMER_E2E_LAUNCH_ID";
function newLaunchId() {
  return randomUUID();
}
function environOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/environ`);
  } catch {
    return null;
  }
}
var NUL = Buffer.from([0]);
var entry = (launchId) => Buffer.from(`\0${LAUNCH_ID_ENV}=${launchId}\0`);
function carriesLaunchId(pid, launchId) {
  if (process.platform !== "linux")
    return null;
  const environ = environOf(pid);
  if (!environ)
    return null;
  return Buffer.concat([NUL, environ]).includes(entry(launchId));
}
async function processesCarrying(launchId) {
  if (process.platform !== "linux")
    return [];
  const found = [];
  for (const name of readdirSync2("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid)
      continue;
    if (carriesLaunchId(pid, launchId))
      found.push(pid);
  }
  const refs = await Promise.all(found.map((pid) => processRef(pid)));
  return refs.filter((r) => r !== null);
}

// ../core/dist/util/redact.js
var SECRET_NAME = /(?:^|[_-])(?:KEY|TOKEN|SECRET|CREDENTIALS?)$|PASS(?:WORD|WD)$/i;
var MIN_SECRET_LENGTH = 6;
function secretValues(...envs) {
  const values = /* @__PURE__ */ new Set();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (!value || !SECRET_NAME.test(name))
        continue;
      for (const part of [value, ...value.split(/\r?\n/)].map((v) => v.trim()))
        if (part.length >= MIN_SECRET_LENGTH)
          values.add(part);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}
function redact(text, secrets = secretValues(process.env)) {
  let out = text;
  for (const secret of secrets)
    out = out.split(secret).join("***");
  return out;
}

// ../core/dist/stack/identity.js
async function pidFileProcesses(profile) {
  const entries = await Promise.all(profile.components.map(async (component) => {
    const file = componentPidFile(component);
    const read = file ? await readPidFile(file) : null;
    return read?.kind === "alive" ? { component: component.name, file, ...read.process } : null;
  }));
  return entries.filter((e) => e !== null);
}
async function isOurs(owner, ref) {
  if (owner.launchId && carriesLaunchId(ref.pid, owner.launchId) === true)
    return true;
  const recorded = owner.identity.find((e) => e.pid === ref.pid && e.startTime === ref.startTime);
  return recorded !== void 0 && await isSameProcess(recorded);
}
async function sortPidFileProcesses(profile, owner) {
  const all = await pidFileProcesses(profile);
  const mine = await Promise.all(all.map((p) => isOurs(owner, p)));
  return { ours: all.filter((_, i) => mine[i]), others: all.filter((_, i) => !mine[i]) };
}
function leftAlone(process2) {
  return `${process2.component}: pid ${process2.pid} (from ${process2.file}) was not started by this run: left alone`;
}
async function recordIdentity(profile, owner, timeline) {
  const named = await pidFileProcesses(profile);
  const mine = await Promise.all(named.map((p) => isOurs(owner, p)));
  const identity = named.filter((_, i) => mine[i]).map(({ component, pid, startTime }) => ({ component, pid, startTime }));
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    if (state.owner?.startedAt === owner.startedAt)
      await writeState(profile.stateDir, {
        ...state,
        owner: { ...state.owner, phase: "running", identity, timeline }
      });
  });
}

// ../core/dist/stack/stop.js
var PORTS_FREE_TIMEOUT_MS = 5e3;
var STOP_COMMAND_GRACE_MS = 5e3;
var LEFTOVER_TIMEOUT_MS = 2e3;
async function stopAndDisown(profile, state, owner, { leases, failure, stop = true, logger }) {
  const report = stop ? await stopStack(profile, owner) : null;
  await writeState(profile.stateDir, {
    ...state,
    owner: null,
    leases,
    lastFailure: failure ? { at: Date.now(), reason: failure } : state.lastFailure
  });
  if (owner.watchdog && owner.watchdog.pid !== process.pid)
    await signalVerified(owner.watchdog, "SIGTERM");
  for (const step of report?.steps ?? [])
    logger.info(`  ${step}`);
  for (const problem of report?.problems ?? [])
    logger.warn(`  ${problem}`);
  return report;
}
async function stopStack(profile, owner) {
  const started = performance.now();
  const steps = [];
  const problems = [];
  let commandMs = null;
  const report = (stopped) => ({
    stopped,
    steps,
    problems,
    durationMs: Math.round(performance.now() - started),
    commandMs
  });
  const resumed = await resumeAllPauses(profile.stateDir);
  if (resumed.length > 0)
    steps.push(`resumed before the stop: ${resumed.join("; ")}`);
  const { ours, others } = owner.mode === "daemon" ? await sortPidFileProcesses(profile, owner) : { ours: [], others: [] };
  if (owner.mode === "process") {
    if (owner.process) {
      const result = await terminateTree(owner.process, profile.stop.signal, profile.stop.timeoutMs);
      steps.push(...result.steps);
      problems.push(...result.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
    }
  } else {
    if (owner.phase === "starting" && owner.process && await isSameProcess(owner.process)) {
      const result = await terminateTree(owner.process, "SIGTERM", LEFTOVER_TIMEOUT_MS);
      steps.push(`start command still running: ${result.steps.join("; ")}`);
    }
    const anchor = profile.components.find((c) => componentPidFile(c) !== null);
    const replaced = others.find((p) => p.component === anchor?.name);
    if (replaced) {
      steps.push(`${replaced.component} (pid ${replaced.pid}) is not the process this run started: someone restarted the stack, so it is no longer ours; left running`);
      return report(false);
    }
    const command = await runStopCommand(profile);
    commandMs = command.ms;
    steps.push(...command.steps);
  }
  const leftovers = await stillOurs(ours, owner.launchId, await sparedPids(profile));
  const swept = await terminateEach(leftovers, LEFTOVER_TIMEOUT_MS);
  if (swept.steps.length > 0)
    steps.push(`${owner.mode === "daemon" ? "after the stop command" : "outside the group"}: ${swept.steps.join("; ")}`);
  problems.push(...swept.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
  steps.push(...others.map(leftAlone));
  const leftAloneNames = new Set(others.map((p) => p.component));
  const addresses = profile.components.filter((c) => !leftAloneNames.has(c.name)).map((c) => probeAddress(c.probe)).filter((a) => a !== null);
  const busy = await waitPortsFree(addresses, PORTS_FREE_TIMEOUT_MS);
  problems.push(...busy.map((a) => `${a} still accepts connections after the stop`));
  if (busy.length === 0 && addresses.length > 0)
    steps.push(`ports free: ${addresses.join(", ")}`);
  return report(true);
}
async function stillOurs(recorded, launchId, spare) {
  const carriers = launchId ? await processesCarrying(launchId) : [];
  const alive = (await Promise.all(recorded.map(async (r) => await isSameProcess(r) ? r : null))).filter((r) => r !== null);
  const seen = new Set(spare);
  return [...alive, ...carriers].filter((r) => !seen.has(r.pid) && seen.add(r.pid));
}
async function sparedPids(profile) {
  const reads = await Promise.all((profile.stop.spare ?? []).map((file) => readPidFile(file)));
  return new Set(reads.flatMap((r) => r.kind === "alive" ? [r.process.pid] : []));
}
async function runStopCommand(profile) {
  const argv = profile.stop.command;
  if (!argv)
    return { steps: [], ms: null };
  const began = performance.now();
  const shown = formatCommand(argv);
  const timeout = profile.stop.timeoutMs + STOP_COMMAND_GRACE_MS;
  const result = await runBounded(argv, {
    timeoutMs: timeout,
    cwd: profile.start?.cwd,
    env: commandEnv(profile)
  });
  const ms = Math.round(performance.now() - began);
  if (result.timedOut)
    return { steps: [`${shown} hung for ${timeout} ms and was killed`], ms };
  if (result.spawnError)
    return { steps: [`${shown} could not run: ${result.spawnError}`], ms };
  const last = redact(result.all.trim().split("\n").at(-1) ?? "");
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { steps: [`${shown} ${how}${last ? ` (${last.slice(0, 200)})` : ""}`], ms };
}

export {
  pauseFile,
  writePause,
  readPause,
  listPauses,
  resumePause,
  readPidFile,
  runProbe,
  probeAddress,
  LAUNCH_ID_ENV,
  newLaunchId,
  processesCarrying,
  pidFileProcesses,
  isOurs,
  recordIdentity,
  secretValues,
  redact,
  stopAndDisown,
  stopStack
};
