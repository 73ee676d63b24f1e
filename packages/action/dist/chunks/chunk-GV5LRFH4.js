import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  dependentsOf,
  isGroup,
  stigmer,
  toGroup
} from "./chunk-P6QNAYR2.js";
import {
  LAUNCH_ID_ENV,
  isOurs,
  listPauses,
  newLaunchId,
  pauseFile,
  pidFileProcesses,
  probeAddress,
  processesCarrying,
  readPause,
  readPidFile,
  recordIdentity,
  redact,
  resumePause,
  runProbe,
  secretValues,
  stopAndDisown,
  stopStack,
  writePause
} from "./chunk-KYBNCCTO.js";
import {
  runBounded,
  signalVerified,
  terminateEach
} from "./chunk-DRDZ57S2.js";
import {
  withLock
} from "./chunk-CHZHEBOU.js";
import {
  HttpClient,
  getExecOutput,
  getInput,
  getState,
  info,
  saveState,
  setFailed,
  setSecret,
  warning
} from "./chunk-UBXPN5TO.js";
import {
  cannotStart,
  isLeaseAlive,
  newLease,
  partitionLeases,
  programPath,
  spawnDetached,
  spawnWatchdog
} from "./chunk-YVYZE4KD.js";
import {
  prepareStateDir,
  readState,
  writeState
} from "./chunk-L66SN3ZJ.js";
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import {
  inspectPid,
  isProvenDead,
  isSameProcess,
  psEnv,
  readSmallFile,
  removeSmallFile,
  selfRef,
  sleep
} from "./chunk-OWJNM7FF.js";
import {
  commandEnv,
  componentPidFile,
  isProfile,
  toProfile
} from "./chunk-CVPLYTV6.js";
import {
  ComponentNotRunningError,
  ExternalStackError,
  FaultRefusedError,
  NotOursError,
  NotRecoveredError,
  ProfileError,
  ReusedStackError,
  ServerUnavailableError,
  UnknownComponentError,
  UsageError
} from "./chunk-YYN4WDBH.js";
import {
  DEFAULT_PROBE_TIMEOUT_MS,
  connect,
  parseAddress
} from "./chunk-EWGGLT7N.js";

// src/context.ts
var DEFAULT_DOWNLOAD_URL = "https://github.com/stigmer/stigmer/releases/download/{version}/stigmer-{version}-{os}-{arch}.tar.gz";
var REQUIREMENTS = ["temporal", "workflow-runner", "agent-runner"];
var STOP_POLICIES = ["if-owned", "always", "never"];
var ON_UNAVAILABLE = ["fail", "skip"];
var InputError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? `Invalid input: ${problems[0]}` : `Invalid inputs:
${problems.map((p) => `- ${p}`).join("\n")}`
    );
    this.problems = problems;
  }
  problems;
  name = "InputError";
};
function getInputs(read = (name) => getInput(name)) {
  const problems = [];
  const check = (parse, fallback) => {
    try {
      return parse();
    } catch (error) {
      problems.push(error.message);
      return fallback;
    }
  };
  const input = (name) => read(name).trim();
  const inputs = {
    version: check(() => parseVersion(input("version")), "latest"),
    install: check(() => parseBoolean("install", input("install"), true), true),
    downloadUrl: check(() => parseDownloadUrl(input("download-url")), DEFAULT_DOWNLOAD_URL),
    cache: check(() => parseBoolean("cache", input("cache"), true), true),
    config: input("config") || null,
    require: check(() => parseRequire(read("require")), null),
    timeoutMs: check(() => parseTimeout(input("timeout")), null),
    onUnavailable: check(
      () => parseChoice("on-unavailable", input("on-unavailable"), ON_UNAVAILABLE, "fail"),
      "fail"
    ),
    stop: check(() => parseChoice("stop", input("stop"), STOP_POLICIES, "if-owned"), "if-owned"),
    logLines: check(() => parseLogLines(input("log-lines")), 100),
    githubToken: input("github-token"),
    llmModel: input("llm-model") || null
  };
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}
function parseVersion(value) {
  if (value === "" || value === "latest") return "latest";
  if (/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(value)) return `v${value}`;
  if (/^[0-9A-Za-z][0-9A-Za-z._+-]*$/.test(value)) return value;
  throw new Error(
    `\`version\`: expected \`latest\` or a release tag such as \`v1.2.3\`, got \`${value}\`.`
  );
}
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new Error(`\`${name}\`: expected \`true\` or \`false\`, got \`${value}\`.`);
}
function parseDownloadUrl(value) {
  if (value === "") return DEFAULT_DOWNLOAD_URL;
  const sample = value.replace(/\{(version|semver|os|arch)\}/g, "x");
  const unknown = sample.match(/\{[^}]*\}/);
  if (unknown)
    throw new Error(
      `\`download-url\`: unknown placeholder \`${unknown[0]}\`; use {version}, {semver}, {os} and {arch}.`
    );
  if (!URL.canParse(sample))
    throw new Error(`\`download-url\`: expected an absolute URL template, got \`${value}\`.`);
  return value;
}
function parseRequire(value) {
  const names = value.split(/[\s,]+/).map((n) => n.trim()).filter((n) => n !== "" && n !== "stigmer-server");
  if (value.trim() === "") return null;
  const bad = names.filter((n) => !REQUIREMENTS.includes(n));
  if (bad.length > 0)
    throw new Error(
      `\`require\`: expected components among ${REQUIREMENTS.join(", ")}, got \`${bad.join(", ")}\`.`
    );
  return [...new Set(names)];
}
function parseTimeout(value) {
  if (value === "") return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`\`timeout\`: expected a positive number of seconds, got \`${value}\`.`);
  return Math.round(seconds * 1e3);
}
function parseLogLines(value) {
  if (value === "") return 100;
  const lines = Number(value);
  if (!Number.isInteger(lines) || lines < 0)
    throw new Error(`\`log-lines\`: expected a non-negative integer, got \`${value}\`.`);
  return lines;
}
function parseChoice(name, value, choices, fallback) {
  if (value === "") return fallback;
  if (choices.includes(value)) return value;
  throw new Error(
    `\`${name}\`: expected one of ${choices.map((c) => `\`${c}\``).join(", ")}, got \`${value}\`.`
  );
}

// ../core/dist/report/log-tail.js
import { execFile } from "node:child_process";
import { open } from "node:fs/promises";
var DEFAULT_TAIL_LINES = 50;
var TAIL_BYTES = 64 * 1024;
async function tailFile(file, lines) {
  let handle;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString("utf8");
    const all = text.split(/\r?\n/);
    if (all.at(-1) === "")
      all.pop();
    if (size > length)
      all.shift();
    return { lines: all.slice(-lines), missing: false };
  } catch {
    return { lines: [], missing: true };
  } finally {
    await handle?.close();
  }
}
var LOG_COMMAND_TIMEOUT_MS = 5e3;
function tailCommand(argv, lines) {
  const [file, ...args] = argv;
  return new Promise((resolve) => {
    execFile(file, args, { timeout: LOG_COMMAND_TIMEOUT_MS, maxBuffer: TAIL_BYTES * 4, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      const all = `${stdout}${stderr}`.split(/\r?\n/);
      if (all.at(-1) === "")
        all.pop();
      resolve({ lines: all.slice(-lines), missing: Boolean(error) && all.length === 0 });
    });
  });
}
async function readLogTails(logs, lines = DEFAULT_TAIL_LINES) {
  const entries = Object.entries(logs).flatMap(([component, sources]) => sources.map((source) => ({ component, source })));
  return Promise.all(entries.map(async ({ component, source }) => {
    if (typeof source === "string")
      return {
        component,
        file: source,
        source: "file",
        ...await tailFile(source, lines)
      };
    return {
      component,
      file: formatCommand(source.command),
      source: "command",
      ...await tailCommand(source.command, lines)
    };
  }));
}
function formatLogTails(tails) {
  return tails.map((t) => {
    const head = `--- ${t.component}: ${t.file}`;
    if (t.missing)
      return `${head} (${t.source === "file" ? "no such file" : "the command failed"})`;
    if (t.lines.length === 0)
      return `${head} (empty)`;
    return `${head} (last ${t.lines.length} lines)
${t.lines.map((l) => `  ${redact(l)}`).join("\n")}`;
  }).join("\n");
}

// ../core/dist/report/words.js
function formatSeconds(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}
function describeOutcome(outcome2, who = "run") {
  switch (outcome2) {
    case "started":
      return `started by this ${who}, which owns it`;
    case "adopted":
      return `left behind by a run that died: adopted, this ${who} owns it`;
    case "joined":
      return "started by another stigmer-e2e run: shared, the last run out stops it";
    case "reused":
      return "already running, not started by stigmer-e2e: it will be left running";
    case "external":
      return "an external stack, only probed";
    case "unavailable":
      return "unavailable";
  }
}
function describeRelease(profile, outcome2, result2, who = "run") {
  const { stop } = result2;
  const problems = stop && stop.problems.length > 0 ? `, with problems: ${stop.problems.join("; ")}` : "";
  switch (result2.reason) {
    case "stopped": {
      const why = outcome2 === null ? "stigmer-e2e started it and no other run uses it" : outcome2 === "started" || outcome2 === "adopted" ? `this ${who} started it and was the last one using it` : `another run started it; this ${who} was the last one using it`;
      return `${profile} stopped in ${formatSeconds(stop.durationMs)} (${why})${problems}.`;
    }
    case "stopped-always":
      return `${profile} stopped in ${formatSeconds(stop.durationMs)} (stop: always)${problems}.`;
    case "replaced":
      return `${profile} left running: someone restarted it since stigmer-e2e started it, so it is no longer ours (${stop.steps.join("; ")}).`;
    case "in-use":
      return `${profile} left running for ${result2.remaining} other ${result2.remaining === 1 ? "run" : "runs"}; the last one out stops it.`;
    case "not-ours":
      return `${profile} left running: it was not started by stigmer-e2e.`;
    case "kept":
      return `${profile} left running (stop: never); it is no longer stigmer-e2e's to stop.`;
    case "no-lease":
      return `${profile}: this ${who} held no lease any more (already released, expired, or its holder died); nothing was stopped.`;
  }
}
function describeUsage(profile, usage, who = "run") {
  if (!usage)
    return null;
  const each = usage.processes.map((p) => `${p.name} ${p.peakRssMiB} MiB, ${p.avgCpuPercent}%`).join("; ");
  return `${profile}, while this ${who} held it (${Math.round(usage.durationMs / 1e3)} s): peak ${usage.total.peakRssMiB} MiB, ${usage.total.avgCpuPercent}% CPU on average (${each})`;
}
function describeMembers(members, who = "run") {
  const width = Math.max(0, ...members.map((m) => m.name.length));
  return members.map((m) => {
    const mark = m.available ? "\u2713" : m.began === null ? "-" : "\u2717";
    const what = m.available ? describeOutcome(m.outcome, who) : `unavailable: ${m.reason}`;
    const after = m.dependsOn.length > 0 ? `after ${m.dependsOn.join(", ")}` : "";
    const times = m.began !== null && m.ended !== null ? `${(m.began / 1e3).toFixed(1)} \u2192 ${formatSeconds(m.ended)}` : "";
    const when = [times, after].filter(Boolean).join(", ");
    return `  ${mark} ${m.name.padEnd(width)}  ${what}${when ? ` (${when})` : ""}`;
  }).join("\n");
}
function describeGroupAvailable(snapshot, who = "run", { again = false } = {}) {
  return `\u2713 ${snapshot.profile} is available${again ? " again" : ""} after ${formatSeconds(snapshot.elapsedMs)} (${snapshot.members.length} members):
${describeMembers(snapshot.members, who)}`;
}
function describeGroupRelease(group, members, result2, who = "run") {
  if (result2.members.length === 0)
    return `${group}: this ${who} held no member any more.`;
  const lines = result2.members.flatMap((r) => {
    const outcome2 = members?.find((m) => m.name === r.name)?.outcome ?? null;
    const usage = describeUsage(r.name, r.usage, who);
    return [`  ${describeRelease(r.name, outcome2, r, who)}`, ...usage ? [`    ${usage}`] : []];
  });
  return `${group} released in ${formatSeconds(result2.elapsedMs)}, dependents first:
${lines.join("\n")}`;
}

// ../core/dist/group/lease-id.js
function formatGroupLease(leases) {
  const held = leases.filter((l) => l.leaseId !== null);
  return held.length > 0 ? held.map((l) => `${l.name}=${l.leaseId}`).join(",") : null;
}
function parseGroupLease(group, id) {
  const names = group.members.map((m) => m.name);
  const pairs = id.split(",").map((pair) => pair.split("="));
  const expected = `expected the group's lease id as \`up\` printed it ("${names.map((n) => `${n}=<id>`).join(",")}")`;
  if (pairs.some((p) => p.length !== 2 || !p[0] || !p[1]))
    throw new UsageError(`lease ${id}: ${expected}`);
  const unknown = pairs.filter(([name]) => !names.includes(name)).map(([name]) => name);
  if (unknown.length > 0)
    throw new UsageError(`lease ${id}: ${group.name} has no member ${unknown.map((n) => `"${n}"`).join(", ")}; ${expected}`);
  return new Map(pairs);
}

// ../core/dist/group/handle.js
function isGroupSnapshot(snapshot) {
  return Array.isArray(snapshot.members);
}
var STRENGTH = [
  "unavailable",
  "started",
  "adopted",
  "joined",
  "reused",
  "external"
];
function memberSnapshot(member, snapshot, times, secrets) {
  return {
    ...snapshot,
    reason: snapshot.reason === null ? null : redact(snapshot.reason, secrets),
    components: snapshot.components.map((c) => ({ ...c, detail: redact(c.detail, secrets) })),
    logTails: snapshot.logTails.map((t) => ({
      ...t,
      lines: t.lines.map((line) => redact(line, secrets))
    })),
    name: member.name,
    dependsOn: member.dependsOn,
    ...times
  };
}
function notEnsured(member, reason) {
  const { profile } = member;
  return {
    profile: profile.name,
    available: false,
    pending: false,
    owned: false,
    reused: false,
    outcome: "unavailable",
    reason,
    leaseId: null,
    components: [],
    env: { ...profile.env },
    logTails: [],
    elapsedMs: 0,
    stateDir: profile.start ? profile.stateDir : null,
    mismatch: [],
    timeline: null,
    name: member.name,
    dependsOn: member.dependsOn,
    began: null,
    ended: null
  };
}
function groupSnapshot(group, members, failure, elapsedMs) {
  const failed = failure ? members.find((m) => m.name === failure.failed) : null;
  const outcome2 = STRENGTH.find((o) => members.some((m) => m.outcome === o)) ?? "external";
  return {
    profile: group.name,
    available: failure === null,
    pending: false,
    owned: failure === null && members.some((m) => m.owned),
    reused: failure === null && !members.some((m) => m.outcome === "started"),
    outcome: failure ? "unavailable" : outcome2,
    reason: failed ? `${failed.name} failed: ${failed.reason}` : null,
    leaseId: failure ? null : formatGroupLease(members),
    components: members.flatMap((m) => m.components.map((c) => ({ ...c, name: `${m.name}/${c.name}` }))),
    env: { ...group.env },
    // Each member's own timeline, and `began`/`ended` per member for the chain.
    timeline: null,
    logTails: (failed?.logTails ?? []).map((t) => ({
      ...t,
      component: `${failed.name}/${t.component}`
    })),
    elapsedMs,
    stateDir: null,
    mismatch: members.flatMap((m) => m.mismatch.map((text) => `${m.name}: ${text}`)),
    members,
    failed: failed?.name ?? null,
    cleanup: failure?.cleanup ?? []
  };
}

// ../core/dist/fault/inject.js
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

// ../core/dist/fault/process-state.js
import { execFile as execFile2 } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile2);
async function isStopped(ref) {
  const found = await inspectPid(ref.pid);
  if (found.state !== "alive" || found.ref.startTime !== ref.startTime)
    return false;
  if (process.platform === "linux") {
    const stat = readSmallFile(`/proc/${ref.pid}/stat`);
    return stat?.slice(stat.lastIndexOf(")") + 2).startsWith("T") ?? false;
  }
  const { stdout } = await run("ps", ["-o", "stat=", "-p", String(ref.pid)], {
    env: psEnv(),
    timeout: 1e4
  }).catch(() => ({ stdout: "" }));
  return stdout.trim().startsWith("T");
}

// ../core/dist/process/port-owner.js
import { execFile as execFile3 } from "node:child_process";
import { readdir, readFile, readlink } from "node:fs/promises";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile3);
var LISTEN = "0A";
var TOOL = { timeout: 5e3, killSignal: "SIGKILL" };
async function portOwner(port) {
  try {
    const pid = process.platform === "linux" ? await listenerLinux(port) : process.platform === "darwin" ? await listenerLsof(port) : null;
    return pid ? { pid, command: await commandOf(pid) } : null;
  } catch {
    return null;
  }
}
async function listenerLinux(port) {
  const inodes = /* @__PURE__ */ new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(table, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== LISTEN)
        continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port)
        inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0)
    return null;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry))
      continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode))
        return Number(entry);
    }
  }
  return null;
}
async function listenerLsof(port) {
  const { stdout } = await run2("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-t"], TOOL);
  const pid = Number(stdout.trim().split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
async function commandOf(pid) {
  const text = process.platform === "linux" ? (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0").join(" ").trim() : (await run2("ps", ["-o", "command=", "-p", String(pid)], TOOL).catch(() => ({ stdout: "" }))).stdout.trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text || "unknown command";
}

// ../core/dist/fault/target.js
var DOCKER_TIMEOUT_MS = 1e4;
var CLOCK_SKEW_MS = 5e3;
function sameTarget(a, b) {
  if (!a || !b || a.kind !== b.kind)
    return false;
  if (a.kind === "process" && b.kind === "process")
    return a.pid === b.pid && a.startTime === b.startTime;
  return a.kind === "container" && b.kind === "container" && a.id === b.id && a.startedAt === b.startedAt;
}
function describeTarget(target) {
  return target.kind === "process" ? `pid ${target.pid} (${target.foundBy})` : `container ${target.container} (${target.id.slice(0, 12)})`;
}
async function observe(component) {
  const probe = component.probe;
  if ("docker" in probe)
    return observeContainer(component.name, probe.docker);
  const file = componentPidFile(component);
  if (file) {
    const read = await readPidFile(file);
    if (read.kind !== "alive")
      return { state: "down", target: null, detail: describePidFile(file, read.kind) };
    return observed(processTarget(component.name, read.process, `pid file ${file}`));
  }
  const address = probeAddress(probe);
  const port = address ? Number(address.slice(address.lastIndexOf(":") + 1)) : Number.NaN;
  if (!address || !Number.isInteger(port))
    return {
      state: "down",
      target: null,
      detail: `${component.name} has no pid file, port or container to find its process by`
    };
  const owner = await portOwner(port);
  if (!owner)
    return { state: "down", target: null, detail: `nothing listens on ${address}` };
  const found = await inspectPid(owner.pid);
  if (found.state !== "alive")
    return { state: "down", target: null, detail: `the listener on ${address} is gone` };
  return observed(processTarget(component.name, found.ref, `listener on ${address}`));
}
var processTarget = (component, ref, foundBy) => ({
  kind: "process",
  component,
  pid: ref.pid,
  startTime: ref.startTime,
  foundBy
});
async function observed(target) {
  const stopped = await isStopped(target);
  return {
    state: stopped ? "paused" : "up",
    target,
    detail: `${describeTarget(target)} ${stopped ? "is stopped (SIGSTOP)" : "runs"}`
  };
}
function describePidFile(file, kind) {
  if (kind === "missing")
    return `no pid file at ${file}`;
  if (kind === "dead")
    return `the pid in ${file} is dead`;
  return `${file} names no live process (${kind})`;
}
async function observeContainer(component, container) {
  const result2 = await runBounded([
    "docker",
    "inspect",
    "--format",
    "{{.Id}}|{{.State.Running}}|{{.State.Paused}}|{{.State.StartedAt}}|{{.Created}}",
    container
  ], { timeoutMs: DOCKER_TIMEOUT_MS });
  if (result2.exitCode !== 0) {
    const why = /no such (object|container)/i.test(result2.stderr) ? `no container named ${container}` : `docker inspect ${container} failed: ${result2.spawnError ?? (result2.stderr.trim().split("\n")[0] || `exit ${result2.exitCode}`)}`;
    return { state: "down", target: null, detail: why };
  }
  const [id = "", running, paused, startedAt2 = "", created = ""] = result2.stdout.trim().split("|");
  const target = { kind: "container", component, container, id, startedAt: startedAt2, created };
  if (running !== "true")
    return { state: "down", target, detail: `container ${container} is not running` };
  return paused === "true" ? { state: "paused", target, detail: `container ${container} is paused` } : { state: "up", target, detail: `container ${container} running` };
}
async function isStackOwn(owner, target) {
  if (target.kind === "process")
    return isOurs(owner, target);
  const created = Date.parse(target.created);
  return Number.isFinite(created) && created >= owner.startedAt - CLOCK_SKEW_MS;
}

// ../core/dist/fault/inject.js
var GONE_TIMEOUT_MS = 5e3;
var DOCKER_TIMEOUT_MS2 = 15e3;
var notRunning = (component, detail) => new ComponentNotRunningError(`${component} stopped running before the fault reached it (${detail}): nothing was signalled.`, "Check `stigmer-e2e status`; wait for it with waitReady() first if it is restarting.");
async function waitGone(ref, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!await isProvenDead(ref)) {
    if (Date.now() >= deadline)
      return false;
    await sleep(10);
  }
  return true;
}
async function waitContainer(component, state) {
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  for (; ; ) {
    const seen = await observe(component);
    if (seen.state === state || Date.now() >= deadline)
      return Date.now();
    await sleep(20);
  }
}
async function docker(args, timeoutMs = DOCKER_TIMEOUT_MS2) {
  const result2 = await runBounded(["docker", ...args], { timeoutMs });
  const shown = `docker ${args.join(" ")}`;
  if (result2.exitCode !== 0)
    throw new ComponentNotRunningError(`${shown} failed: ${result2.stderr.trim() || result2.spawnError || `exit ${result2.exitCode}`}.`, "Check the container with `docker inspect`; the fault was not applied.");
  return shown;
}
var record = (fault, target, injectedAt, wentDownAt, steps, pause2 = null) => ({
  fault,
  component: target.component,
  target,
  injectedAt,
  wentDownAt,
  steps,
  resumeAt: pause2?.resumeAt ?? null,
  pauseId: pause2?.pauseId ?? null
});
async function killTarget(component, target) {
  const injectedAt = Date.now();
  if (target.kind === "container") {
    const step = await docker(["kill", target.id]);
    return record("kill", target, injectedAt, await waitContainer(component, "down"), [step]);
  }
  if (!await signalVerified(target, "SIGKILL"))
    throw notRunning(component.name, describeTarget(target));
  const gone = await waitGone(target, GONE_TIMEOUT_MS);
  const steps = [`SIGKILL to ${describeTarget(target)}`];
  if (!gone)
    steps.push(`still not gone ${GONE_TIMEOUT_MS} ms after SIGKILL`);
  return record("kill", target, injectedAt, Date.now(), steps);
}
async function stopTarget(component, target, timeoutMs) {
  const injectedAt = Date.now();
  if (target.kind === "container") {
    const seconds = Math.max(0, Math.ceil(timeoutMs / 1e3));
    const step = await docker(["stop", "-t", String(seconds), target.id], timeoutMs + DOCKER_TIMEOUT_MS2);
    return record("stop", target, injectedAt, await waitContainer(component, "down"), [step]);
  }
  const result2 = await terminateEach([target], timeoutMs);
  if (result2.steps.length === 0)
    throw notRunning(component.name, describeTarget(target));
  const steps = [...result2.steps];
  if (result2.survivors.length > 0)
    steps.push(`pid ${target.pid} survived SIGKILL`);
  return record("stop", target, injectedAt, Date.now(), steps);
}
async function pauseTarget(component, target, { forMs, stateDir, holder }) {
  const id = randomUUID();
  const injectedAt = Date.now();
  const resumeAt = injectedAt + forMs;
  const file = writePause(stateDir, { id, target, pausedAt: injectedAt, resumeAt, holder });
  await spawnDetached([process.execPath, programPath("fault-resumer"), stateDir, file], {
    env: process.env,
    logFile: path.join(stateDir, "logs", `fault-resumer-${id}.log`)
  });
  try {
    if (target.kind === "container") {
      const step = await docker(["pause", target.id]);
      return record("pause", target, injectedAt, await waitContainer(component, "paused"), [step], {
        resumeAt,
        pauseId: id
      });
    }
    if (!await signalVerified(target, "SIGSTOP"))
      throw notRunning(component.name, describeTarget(target));
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  const deadline = Date.now() + GONE_TIMEOUT_MS;
  while (!await isStopped(target) && Date.now() < deadline)
    await sleep(5);
  return record("pause", target, injectedAt, Date.now(), [`SIGSTOP to ${describeTarget(target)}, resumed in ${forMs} ms at the latest`], { resumeAt, pauseId: id });
}

// ../core/dist/fault/recovery.js
var DEFAULT_RECOVERY_TIMEOUT_MS = 6e4;
var POLL_MS = 50;
var PROBE_TIMEOUT_MS = 1e3;
var span = (from, to) => from !== null && to !== null ? to - from : null;
async function waitRecovery(profile, component, fault, { timeoutMs = DEFAULT_RECOVERY_TIMEOUT_MS, logLines = 50, signal } = {}) {
  const deadline = Date.now() + timeoutMs;
  let backAt = null;
  let readyAt = null;
  let after = null;
  let detail = "";
  while (readyAt === null && Date.now() < deadline) {
    signal?.throwIfAborted();
    if (backAt === null) {
      const seen = await observe(component);
      detail = seen.detail;
      const back = seen.state === "up" && (fault === null || fault.fault === "pause" || !sameTarget(seen.target, fault.target));
      if (back) {
        backAt = Date.now();
        after = seen.target;
      }
    }
    if (backAt !== null) {
      const probe = await runProbe(component.probe, { timeoutMs: PROBE_TIMEOUT_MS });
      detail = probe.detail;
      if (probe.ready)
        readyAt = Date.now();
    }
    if (readyAt === null)
      await sleep(POLL_MS, signal);
  }
  const wentDownAt = fault?.wentDownAt ?? null;
  const recovered = readyAt !== null;
  const recovery = {
    component: component.name,
    fault: fault?.fault ?? null,
    recovered,
    injectedAt: fault?.injectedAt ?? null,
    wentDownAt,
    backAt,
    readyAt,
    downMs: span(wentDownAt, backAt),
    probeMs: span(backAt, readyAt),
    recoveryMs: span(wentDownAt, readyAt),
    before: fault?.target ?? null,
    after,
    detail,
    logTails: recovered ? [] : await readLogTails({ [component.name]: profile.logs[component.name] ?? [] }, logLines)
  };
  if (!recovered)
    throw new NotRecoveredError(describeNotRecovered(recovery, timeoutMs), recovery);
  return recovery;
}
function describeNotRecovered(recovery, timeoutMs) {
  const what = recovery.fault ? ` after ${recovery.fault}` : "";
  const stage = recovery.backAt === null ? "did not come back" : `came back but was not ready ${formatSeconds(Date.now() - recovery.backAt)} later`;
  const tails = recovery.logTails.length > 0 ? `
${formatLogTails(recovery.logTails)}` : "";
  return `${recovery.component} ${stage} within ${formatSeconds(timeoutMs)}${what}: ${recovery.detail}${tails}`;
}

// ../core/dist/fault/faults.js
function faults(profile, defaults = {}) {
  const resolved = toProfile(profile);
  const last = /* @__PURE__ */ new Map();
  const mine = /* @__PURE__ */ new Set();
  const prepare = async (name, options) => {
    const p = await resolved;
    const allowReused = options.allowReused ?? defaults.allowReused ?? false;
    if (!p.start)
      throw new ExternalStackError(`${p.name} is an external stack (only probed, never started by stigmer-e2e): faults are never injected into it.`, "Run the fault against a stack stigmer-e2e starts (a profile without `external`).");
    const component = p.components.find((c) => c.name === name);
    if (!component)
      throw new UnknownComponentError(`${p.name} has no component "${name}".`, `Expected one of: ${p.components.map((c) => c.name).join(", ")}.`);
    const seen = await observe(component);
    if (seen.state === "down" || !seen.target)
      throw new ComponentNotRunningError(`${name} is not running (${seen.detail}): there is nothing to fault.`, "Start the stack first (ensureServer, `stigmer-e2e up`), or wait for it with waitReady().");
    const { state } = await readState(p.stateDir, { repair: false });
    if (!state.owner) {
      if (!allowReused)
        throw new ReusedStackError(`${p.name} was not started by stigmer-e2e (it was already running: someone's own session, perhaps): a fault would break it.`, "To fault it anyway, pass { allowReused: true } (CLI: --allow-reused).");
    } else if (!await isStackOwn(state.owner, seen.target)) {
      throw new NotOursError(`${name}: ${describeTarget(seen.target)} is not part of the stack stigmer-e2e started (no launch id of ours, not recorded at start): nothing was signalled.`, "Stop whatever runs it outside the stack, or fault a component the stack runs itself.");
    }
    if (seen.state === "paused")
      throw new FaultRefusedError(`${name} is paused already (${seen.detail}).`, "Resume it first (faults.resume), or wait for its pause to end.");
    return { p, component, target: seen.target };
  };
  const done = (fault) => {
    last.set(fault.component, fault);
    return fault;
  };
  return {
    async kill(name, options = {}) {
      const { component, target } = await prepare(name, options);
      return done(await killTarget(component, target));
    },
    async stop(name, options = {}) {
      const { p, component, target } = await prepare(name, options);
      return done(await stopTarget(component, target, options.timeoutMs ?? p.stop.timeoutMs));
    },
    async pause(name, options) {
      if (!(Number.isFinite(options.forMs) && options.forMs > 0))
        throw new FaultRefusedError(`pause needs a duration: forMs must be a positive number of milliseconds, got ${options.forMs}.`, "Pass { forMs: 3000 } (CLI: --for 3).");
      const { p, component, target } = await prepare(name, options);
      const holder = options.holder === void 0 ? await selfRef() : options.holder;
      const fault = await pauseTarget(component, target, {
        forMs: options.forMs,
        stateDir: p.stateDir,
        holder
      });
      mine.add(fault.pauseId);
      return done(fault);
    },
    async resume(name) {
      const p = await resolved;
      const pauses = listPauses(p.stateDir).filter((r) => r.target.component === name);
      await Promise.all(pauses.map((r) => resumePause(p.stateDir, r)));
      return pauses.length > 0;
    },
    async waitReady(name, options = {}) {
      const p = await resolved;
      const component = p.components.find((c) => c.name === name);
      if (!component)
        throw new UnknownComponentError(`${p.name} has no component "${name}".`, `Expected one of: ${p.components.map((c) => c.name).join(", ")}.`);
      return waitRecovery(p, component, last.get(name) ?? null, options);
    },
    async resumeAll() {
      const p = await resolved;
      for (const id of mine) {
        const record2 = readPause(pauseFile(p.stateDir, id));
        if (record2)
          await resumePause(p.stateDir, record2);
        mine.delete(id);
      }
    }
  };
}

// ../core/dist/report/format-components.js
function formatComponents(components) {
  const width = Math.max(0, ...components.map((c) => c.name.length));
  return components.map((c) => `  ${c.ready ? "\u2713" : c.required ? "\u2717" : "-"} ${c.name.padEnd(width)}  ${c.detail}${c.required ? "" : " (optional)"}`).join("\n");
}

// ../core/dist/report/describe.js
function describeUnavailable(snapshot) {
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Components:
${formatComponents(snapshot.components)}`
  ];
  if (snapshot.logTails.length > 0)
    parts.push(`Last log lines:
${formatLogTails(snapshot.logTails)}`);
  return parts.join("\n\n");
}
function describeGroupUnavailable(snapshot, who = "run") {
  const failed = snapshot.members.find((m) => m.name === snapshot.failed);
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Members:
${describeMembers(snapshot.members, who)}`
  ];
  if (failed && failed.components.length > 0)
    parts.push(`Components of ${failed.name}:
${formatComponents(failed.components)}`);
  if (failed && failed.logTails.length > 0)
    parts.push(`Last log lines of ${failed.name}:
${formatLogTails(failed.logTails)}`);
  if (snapshot.cleanup.length > 0) {
    const released = snapshot.cleanup.map((r) => {
      const outcome2 = snapshot.members.find((m) => m.name === r.name)?.outcome ?? null;
      return `  ${describeRelease(r.name, outcome2, r, who)}`;
    });
    parts.push(`What this ${who} held of the others, released:
${released.join("\n")}`);
  }
  return parts.join("\n\n");
}

// ../core/dist/report/logger.js
var silentLogger = { info() {
}, warn() {
} };

// ../core/dist/stack/policy.js
function isCI(env = process.env) {
  const value = env.CI;
  return value !== void 0 && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
function resolvePolicy(choice, env = process.env) {
  return choice ?? (isCI(env) ? "fail" : "skip");
}

// ../core/dist/stack/context.js
function resolveContext(profile, options) {
  const started = performance.now();
  return {
    profile,
    logger: options.logger ?? silentLogger,
    policy: resolvePolicy(options.onUnavailable),
    timeoutMs: options.timeoutMs ?? profile.readyTimeoutMs,
    signal: options.signal,
    onProgress: options.onProgress,
    lease: options.lease ?? { kind: "process" },
    wait: options.wait ?? true,
    resume: options.resume,
    logLines: options.logLines ?? DEFAULT_TAIL_LINES,
    watchdog: options.watchdog ?? true,
    usage: options.usage ?? true,
    onMismatch: options.onMismatch ?? (isCI() ? "unavailable" : "reuse"),
    elapsed: () => Math.round(performance.now() - started),
    fixesTried: /* @__PURE__ */ new Set()
  };
}

// ../core/dist/probe/backoff.js
var CAP_MS = { connect: 50, request: 100, spawn: 250 };
function backoffDelay(attempt2, probe) {
  return attempt2 === 0 ? 0 : Math.min(CAP_MS[probeCost(probe)], 2 ** attempt2);
}
var WAKE_FLOOR_MS = { connect: 0, request: 2, spawn: 50 };
function wakeFloor(probe) {
  return WAKE_FLOOR_MS[probeCost(probe)];
}
function probeCost(probe) {
  if ("command" in probe || "docker" in probe)
    return "spawn";
  if ("http" in probe || "grpc" in probe)
    return "request";
  if ("anyOf" in probe) {
    const costs = probe.anyOf.map(probeCost);
    return costs.includes("spawn") ? "spawn" : costs.includes("request") ? "request" : "connect";
  }
  return "connect";
}

// ../core/dist/probe/component-status.js
async function probeComponent(component, options) {
  const [result2, pid] = await Promise.all([
    runProbe(component.probe, options ?? { timeoutMs: DEFAULT_PROBE_TIMEOUT_MS }),
    component.pidFile ? readPidFile(component.pidFile) : null
  ]);
  const address = probeAddress(component.probe);
  const base = { name: component.name, required: component.required, address };
  if (result2.ready && pid?.kind === "unknown") {
    const detail = `${address ?? "the probe"} answers, but pid ${pid.pid} could not be checked: ${pid.reason}`;
    return { ...base, ready: false, foreign: false, detail };
  }
  if (result2.ready && pid && pid.kind !== "alive") {
    const why = pid.kind === "missing" ? "there is no pid file" : pid.kind === "dead" ? `its pid ${pid.pid} is dead` : "its pid file is unreadable";
    return {
      ...base,
      ready: false,
      foreign: true,
      detail: `${address ?? "the probe"} answers, but ${why} (${component.pidFile}): another program holds it, not ${component.name}`
    };
  }
  return { ...base, ready: result2.ready, foreign: false, detail: result2.detail };
}
function probeAll(components, { spareOptional = false } = {}) {
  return Promise.all(components.map((c) => spareOptional && !c.required && probeCost(c.probe) === "spawn" ? Promise.resolve(notChecked(c)) : probeComponent(c)));
}
function notChecked(component) {
  return {
    name: component.name,
    required: false,
    ready: false,
    address: probeAddress(component.probe),
    detail: "not checked (`stigmer-e2e status` checks it)",
    foreign: false
  };
}
function describeNotReady(statuses) {
  return statuses.filter((s) => s.required && !s.ready).map((s) => `${s.name} (${s.detail})`).join(", ");
}

// ../core/dist/process/process-env.js
import { readFile as readFile2 } from "node:fs/promises";
async function processEnv(pid) {
  if (process.platform !== "linux")
    return null;
  try {
    const raw = await readFile2(`/proc/${pid}/environ`, "utf8");
    const env = {};
    for (const entry of raw.split("\0")) {
      const at = entry.indexOf("=");
      if (at > 0)
        env[entry.slice(0, at)] = entry.slice(at + 1);
    }
    return env;
  } catch {
    return null;
  }
}

// ../core/dist/probe/started-with.js
async function settingsMismatch(profile) {
  const want = profile.startedWith;
  if (!want)
    return [];
  const component = profile.components.find((c) => c.name === want.component);
  const file = component ? componentPidFile(component) : null;
  const read = file ? await readPidFile(file) : null;
  if (read?.kind !== "alive")
    return null;
  const env = await processEnv(read.process.pid);
  if (!env)
    return null;
  return Object.entries(want.env).flatMap(([name, value]) => {
    const actual = env[name];
    if (actual === value)
      return [];
    const now = actual === void 0 ? "not set (it uses its config file)" : `"${actual}"`;
    return [`${name} is ${now} in the running ${want.component}, wanted "${value}"`];
  });
}

// ../core/dist/stack/decide.js
function decide(input) {
  const { owner, liveLeases, starterAlive, statuses, mismatch } = input;
  if (owner && input.ownedByUs)
    return { kind: "own" };
  const required = statuses.filter((s) => s.required);
  const allReady = required.every((s) => s.ready);
  if (owner) {
    if (liveLeases > 0) {
      if (owner.phase === "running" && !allReady) {
        return {
          kind: "unavailable",
          reason: `the stack started by stigmer-e2e (in use by ${liveLeases} other run${liveLeases === 1 ? "" : "s"}) is no longer ready: ${describeNotReady(statuses)}`
        };
      }
      return mismatched(input) ?? { kind: "join", mismatch };
    }
    if (allReady && mismatch.length > 0)
      return { kind: "restart", why: "mismatch", mismatch };
    if (allReady || owner.phase === "starting" && starterAlive)
      return { kind: "adopt" };
    return { kind: "restart", why: "broken", mismatch: [] };
  }
  const foreign = required.filter((s) => s.foreign);
  if (foreign.length > 0) {
    return {
      kind: "unavailable",
      reason: `${foreign.map((s) => `${s.name}: ${s.detail}`).join("; ")}. Nothing was started or stopped; free the port or stop that process.`
    };
  }
  if (allReady)
    return mismatched(input) ?? { kind: "reuse", mismatch };
  const up = required.filter((s) => s.ready);
  if (up.length === 0)
    return { kind: "start" };
  const daemonDown = statuses.some((s) => s.name === input.anchor && !s.ready);
  if (input.toleratesLeftovers && daemonDown && input.settled)
    return { kind: "start" };
  const down = required.filter((s) => !s.ready);
  return {
    kind: "settle",
    thenStart: input.toleratesLeftovers && daemonDown,
    reason: `the stack is partly running (${up.map((s) => s.name).join(", ")} up) but ${down.map((s) => `${s.name} is down (${s.detail})`).join(", ")}. It was not started by stigmer-e2e, so nothing was touched; restart it yourself.`
  };
}
function mismatched(input) {
  const reason = refuseMismatch(input.mismatch, input.onMismatch);
  return reason ? { kind: "unavailable", reason } : null;
}
function refuseMismatch(mismatch, onMismatch) {
  if (mismatch.length === 0 || onMismatch === "reuse")
    return null;
  return `it is running with other settings: ${mismatch.join("; ")}. It was not started by this run (or others use it), so it was left as it is; stop it to get a stack with these settings, or pass onMismatch: 'reuse' (CLI: --on-mismatch reuse) to use it anyway.`;
}
function outcomeOf(decision) {
  switch (decision.kind) {
    case "own":
    case "start":
      return "started";
    case "reuse":
    case "settle":
      return "reused";
    case "join":
      return "joined";
    case "adopt":
      return "adopted";
    case "restart":
      return decision.why === "broken" ? "adopted" : "started";
    case "unavailable":
      return "unavailable";
  }
}

// ../core/dist/stack/launch.js
import path2 from "node:path";
function startLogFile(profile) {
  return path2.join(profile.stateDir, "logs", profile.start?.mode === "process" ? "server.log" : "start.log");
}
function profileLogs(profile) {
  if (!profile.start)
    return { ...profile.logs };
  const own = profile.start.mode === "process" ? "server" : "start command";
  return { [own]: [startLogFile(profile)], ...profile.logs };
}
var statusFile = (profile) => path2.join(profile.stateDir, "start-status.json");
function launch(profile, launchId) {
  const start = profile.start;
  const options = {
    cwd: start.cwd,
    env: { ...commandEnv(profile), [LAUNCH_ID_ENV]: launchId },
    logFile: startLogFile(profile),
    notFound: start.notFound
  };
  if (start.mode === "process")
    return spawnDetached(start.command, options);
  removeSmallFile(statusFile(profile));
  const recorder = programPath("exit-recorder");
  return spawnDetached([process.execPath, recorder, statusFile(profile), ...start.command], options);
}
function readStartStatus(profile) {
  try {
    const text = readSmallFile(statusFile(profile));
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
function startNeverRan(profile) {
  return profile.start?.mode === "daemon" && Boolean(readStartStatus(profile)?.error);
}
function failedStart(profile, status) {
  const start = profile.start;
  if (status.error)
    return cannotStart(start.command, status.error, start.cwd, start.notFound);
  if (status.code === 0)
    return null;
  const how = status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
  return `the start command ${formatCommand(start.command)} ${how}`;
}
function knownFailure(profile, tails) {
  const text = tails.flatMap((t) => t.lines).join("\n");
  return profile.start?.knownFailures?.find((f) => new RegExp(f.match).test(text));
}

// ../core/dist/stack/plan.js
async function plan(ctx, leaseId2, settled = false) {
  await prepareStateDir(ctx.profile.stateDir);
  return withLock(ctx.profile.stateDir, () => planUnderLock(ctx, leaseId2, settled), {
    ...ctx.signal ? { signal: ctx.signal } : {},
    onWait: (holder) => ctx.logger.info(`Waiting for another run (pid ${holder.pid}) that is starting or stopping ${ctx.profile.name}...`)
  });
}
async function planUnderLock(ctx, leaseId2, settled) {
  const { profile, logger } = ctx;
  const dir = profile.stateDir;
  const { state, warning: warning3 } = await readState(dir);
  if (warning3)
    logger.warn(warning3);
  const [{ live, dead }, statuses] = await Promise.all([
    partitionLeases(state.leases),
    probeAll(profile.components, { spareOptional: true })
  ]);
  if (dead.length > 0)
    logger.info(`Reaped ${dead.length} lease(s) whose holder died: ${dead.map((l) => l.label).join(", ")}.`);
  const ready = statuses.every((s) => !s.required || s.ready);
  const lease = leaseId2 ? live.find((l) => l.id === leaseId2) ?? null : await newLease(ctx.lease);
  const others = live.filter((l) => l.id !== lease?.id);
  const done = async (decision2, held, next = {}, launched = null) => {
    const written = { ...state, leases: held ? [...others, held] : others, ...next };
    await writeState(dir, written);
    return { decision: decision2, lease: held, owner: written.owner, statuses, ready, launched };
  };
  if (!lease) {
    const reason = `lease ${leaseId2} is gone (released, expired, or its holder died); ensure again without resuming`;
    return done({ kind: "unavailable", reason }, null);
  }
  const owner = state.owner;
  const starterAlive = owner?.process ? !await isProvenDead(owner.process) : false;
  const mismatch = ready && profile.startedWith ? await settingsMismatch(profile) ?? [] : [];
  const decision = decide({
    owner,
    ownedByUs: owner?.leaseId === lease.id,
    liveLeases: others.length,
    starterAlive,
    statuses,
    mismatch,
    onMismatch: ctx.onMismatch,
    anchor: profile.components.find((c) => componentPidFile(c) !== null)?.name ?? null,
    toleratesLeftovers: profile.start?.toleratesLeftovers === true,
    settled
  });
  switch (decision.kind) {
    case "unavailable":
      return done({
        kind: "unavailable",
        reason: `${decision.reason}${await whoHolds(statuses.filter((s) => s.foreign))}`
      }, null);
    case "own":
    case "reuse":
    case "settle":
      return done(decision, lease);
    case "join":
      logger.info(`${profile.name} was started by stigmer-e2e and is in use by ${others.length} other run(s): sharing it.`);
      return done(decision, lease);
    case "adopt":
      logger.info(`${profile.name} was started by a run that ended without stopping it: adopting it (this run now owns it).`);
      return done(decision, lease, {
        owner: { ...owner, leaseId: lease.id, watchdog: await ensureWatchdog(ctx, owner) }
      });
    case "restart":
    case "start": {
      const busy = decision.kind === "start" ? await busyPorts(statuses) : [];
      if (busy.length > 0) {
        const reason = `${busy.map((s) => `${s.address} accepts connections but ${s.name} is not ready (${s.detail})`).join("; ")}. Something else holds the port, or someone is starting the stack: nothing was started.`;
        return done({ kind: "settle", reason: `${reason}${await whoHolds(busy)}`, thenStart: false }, lease);
      }
      if (decision.kind === "restart") {
        logger.info(decision.why === "broken" ? `${profile.name} was started by a run that died and is no longer whole: stopping what is left, then starting it again.` : `${profile.name} ran with other settings (${decision.mismatch.join("; ")}) and nobody else uses it: stopping it, then starting it again.`);
        const report = await stopStack(profile, owner);
        for (const line of [...report.steps, ...report.problems])
          logger.info(`  ${line}`);
      }
      logger.info(settled ? `Nobody completed the partial ${profile.name} stack: starting it (${formatCommand(profile.start.command)} copes with what is left).` : `${profile.name} is not running: starting it (${formatCommand(profile.start.command)}).`);
      const record2 = {
        leaseId: lease.id,
        phase: "starting",
        mode: profile.start.mode,
        startedAt: Date.now(),
        launchId: newLaunchId(),
        process: null,
        identity: []
      };
      await writeState(dir, {
        ...state,
        owner: record2,
        leases: [...others, lease],
        lastFailure: null
      });
      let launched;
      try {
        launched = await launch(profile, record2.launchId);
      } catch (error) {
        const reason = error.message;
        return done({ kind: "unavailable", reason }, null, {
          owner: null,
          lastFailure: { at: Date.now(), reason }
        });
      }
      const owned = { ...record2, process: launched.process };
      const withWatchdog = { ...owned, watchdog: await ensureWatchdog(ctx, owned) };
      return done(decision, lease, { owner: withWatchdog, lastFailure: null }, launched);
    }
  }
}
async function ensureWatchdog(ctx, owner) {
  if (owner.watchdog && await isSameProcess(owner.watchdog))
    return owner.watchdog;
  if (!ctx.watchdog)
    return null;
  try {
    return await spawnWatchdog(ctx.profile, owner.startedAt);
  } catch (error) {
    ctx.logger.warn(`No watchdog for ${ctx.profile.name}: ${error.message}`);
    return null;
  }
}
async function busyPorts(statuses) {
  const busy = await Promise.all(statuses.map(async (s) => {
    if (s.ready || !s.address)
      return false;
    try {
      const { socket } = await connect(parseAddress(s.address), 500);
      socket.destroy();
      return true;
    } catch {
      return false;
    }
  }));
  return statuses.filter((_, i) => busy[i]);
}
async function whoHolds(statuses) {
  const ports = statuses.filter((s) => s.address).map((s) => Number(s.address.slice(s.address.lastIndexOf(":") + 1)));
  const owners = await Promise.all(ports.map(async (port) => [port, await portOwner(port)]));
  return owners.map(([port, owner]) => owner ? ` Port ${port} is held by pid ${owner.pid} (${owner.command}).` : "").join("");
}

// ../core/dist/stack/start-watch.js
import { statSync } from "node:fs";

// ../core/dist/util/poll.js
var POLL_CAP_MS = 100;
async function pollUntil(check, { signal, capMs = POLL_CAP_MS, wake } = {}) {
  let wakeUp = wake?.then(() => true, () => true);
  for (let attempt2 = 0; ; attempt2++) {
    signal?.throwIfAborted();
    const value = await check();
    if (value !== void 0)
      return value;
    const pause2 = sleep(Math.min(2 ** attempt2, capMs), signal).then(() => false, () => false);
    const woke = await (wakeUp ? Promise.race([pause2, wakeUp]) : pause2);
    if (woke)
      wakeUp = void 0;
  }
}

// ../core/dist/stack/start-watch.js
var NEVER = new Promise(() => {
});
function watchStart(profile, owner, signal, launched) {
  const shown = formatCommand(profile.start.command);
  const launcherGone = async () => owner.process !== null && await isProvenDead(owner.process);
  if (owner.mode === "process") {
    const failure2 = launched ? launched.exited.then(({ code, signal: killed }) => {
      const how = killed ? `was killed by ${killed}` : `exited with code ${code}`;
      return `the server process ${shown} ${how} before it was ready`;
    }) : pollUntil(async () => await launcherGone() ? true : void 0, { signal }).then(() => `the server process ${shown} exited before it was ready`);
    return { returned: Promise.resolve(), failure: failure2.catch(() => NEVER) };
  }
  let onReturned = () => {
  };
  const returned = new Promise((resolve) => {
    onReturned = resolve;
  });
  const failure = (async () => {
    const outcome2 = await pollUntil(async () => {
      const status = readStartStatus(profile);
      if (status)
        return failedStart(profile, status) ?? "returned";
      return await launcherGone() ? `the start command ${shown} ended without recording how (was it killed?)` : void 0;
    }, { signal, ...launched ? { wake: launched.exited } : {} });
    if (outcome2 !== "returned")
      return outcome2;
    onReturned();
    return componentDied(profile, owner.startedAt, signal);
  })();
  const awaited = profile.start.awaitExit !== false;
  return { returned: awaited ? returned : Promise.resolve(), failure: failure.catch(() => NEVER) };
}
function componentDied(profile, since, signal) {
  return pollUntil(async () => {
    for (const component of profile.components.filter((c) => c.required)) {
      const file = componentPidFile(component);
      if (!file || modifiedAt(file) < since)
        continue;
      const read = await readPidFile(file);
      if (read?.kind === "dead")
        return `${component.name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
    }
    return void 0;
  }, { signal });
}
function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
var REPLAN = /* @__PURE__ */ Symbol("replan");
function watchOwner(profile, owner, signal) {
  return pollUntil(async () => {
    const { state } = await readState(profile.stateDir, { repair: false });
    if (state.owner?.startedAt !== owner.startedAt)
      return state.lastFailure ? `the run that was starting it gave up: ${state.lastFailure.reason}` : "the run that was starting it stopped it";
    const ownerLease = state.leases.find((l) => l.id === state.owner.leaseId);
    if (state.owner.phase === "starting" && !(ownerLease && await isLeaseAlive(ownerLease)))
      return REPLAN;
    return void 0;
  }, { signal, capMs: 200 });
}

// ../core/dist/probe/activity.js
import { watch } from "node:fs";
import path3 from "node:path";
function watchActivity(files) {
  const listeners = /* @__PURE__ */ new Set();
  const watchers = [];
  for (const dir of new Set(files.map((file) => path3.dirname(file)))) {
    try {
      const watcher = watch(dir, { persistent: false }, () => {
        for (const wake of [...listeners])
          wake();
      });
      watcher.on("error", () => watcher.close());
      watchers.push(watcher);
    } catch {
    }
  }
  return {
    subscribe(wake) {
      listeners.add(wake);
      return () => listeners.delete(wake);
    },
    close() {
      listeners.clear();
      for (const watcher of watchers)
        watcher.close();
    }
  };
}
function pause(ms, { activity, minMs, signal }) {
  return new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(signal.reason);
    const startedAt2 = performance.now();
    let woken = false;
    let timer = setTimeout(done, ms);
    const unsubscribe = activity?.subscribe(() => {
      if (woken)
        return;
      woken = true;
      clearTimeout(timer);
      timer = setTimeout(done, Math.max(0, minMs - (performance.now() - startedAt2)));
    });
    const onAbort = () => {
      clearTimeout(timer);
      unsubscribe?.();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    function done() {
      unsubscribe?.();
      signal.removeEventListener("abort", onAbort);
      resolve(woken);
    }
  });
}

// ../core/dist/probe/wait-ready.js
async function waitReady(components, options) {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const statuses = components.map((c) => ({
    name: c.name,
    required: c.required,
    ready: false,
    address: null,
    detail: "waiting",
    foreign: false
  }));
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  const readyAt = {};
  let gateAt = null;
  const watch2 = async (component, index) => {
    const minMs = wakeFloor(component.probe);
    for (let attempt2 = 0; ; attempt2++) {
      const woken = await pause(backoffDelay(attempt2, component.probe), {
        ...options.activity ? { activity: options.activity } : {},
        minMs,
        signal
      });
      if (woken)
        attempt2 = 0;
      const status = await probeComponent(component);
      if (signal.aborted)
        return;
      const previous = statuses[index];
      statuses[index] = status;
      if (status.ready !== previous.ready || status.detail !== previous.detail) {
        options.onProgress?.(statuses, elapsed());
      }
      if (status.ready) {
        readyAt[component.name] = Date.now();
        return;
      }
    }
  };
  let gateOpen = !options.gate;
  void options.gate?.then(() => {
    gateOpen = true;
    gateAt = Date.now();
  });
  const waitingFor = () => describeNotReady(statuses) || (gateOpen ? "the stack" : "the start command to return");
  const required = components.map((c, i) => [c, i]).filter(([c]) => c.required);
  const outcomes = [
    Promise.all([...required.map(([c, i]) => watch2(c, i)), options.gate]).then(() => ({
      kind: "ready"
    })),
    sleep(options.timeoutMs, stop.signal).then(() => ({
      kind: "failed",
      reason: `timed out after ${formatSeconds(options.timeoutMs)} waiting for ${waitingFor()}`
    }))
  ];
  if (options.failure)
    outcomes.push(options.failure.then((reason) => ({ kind: "failed", reason })));
  let outcome2;
  try {
    outcome2 = await Promise.race(outcomes);
  } finally {
    stop.abort();
  }
  for (const o of outcomes)
    o.catch(() => {
    });
  options.signal?.throwIfAborted();
  await Promise.all(components.map(async (c, i) => {
    if (!c.required || outcome2.kind === "failed")
      statuses[i] = await probeComponent(c);
  }));
  const readyTimes = { components: readyAt, gate: gateAt };
  return outcome2.kind === "ready" ? { ready: true, components: statuses, elapsedMs: elapsed(), readyTimes } : {
    ready: false,
    components: statuses,
    elapsedMs: elapsed(),
    reason: outcome2.reason,
    readyTimes
  };
}

// ../core/dist/report/stack-usage.js
import { readFileSync as readFileSync2 } from "node:fs";

// ../core/dist/process/usage.js
import { execFile as execFile4 } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify as promisify3 } from "node:util";
var run3 = promisify3(execFile4);
var TICKS_PER_SECOND = 100;
async function sampleProcess(pid) {
  try {
    if (process.platform === "linux") {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpuMs = (Number(fields[11]) + Number(fields[12])) * 1e3 / TICKS_PER_SECOND;
      const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return { rss: rssKiB * 1024, cpuMs };
    }
    if (process.platform === "darwin") {
      const { stdout } = await run3("ps", ["-o", "rss=,time=", "-p", String(pid)], {
        timeout: 5e3,
        killSignal: "SIGKILL"
      });
      const [rss, time] = stdout.trim().split(/\s+/);
      if (!rss || !time)
        return null;
      const [minutes, seconds] = time.split(":").map(Number);
      return { rss: Number(rss) * 1024, cpuMs: ((minutes ?? 0) * 60 + (seconds ?? 0)) * 1e3 };
    }
  } catch {
  }
  return null;
}
var SAMPLE_MS = 1e3;
var mib = (bytes) => Math.round(bytes / 2 ** 20 * 10) / 10;
var pct = (value) => Math.round(value * 10) / 10;
function summarize(name, pid, points) {
  const rates = points.slice(1).map((p, k) => (p.cpuMs - points[k].cpuMs) / Math.max(1, p.at - points[k].at) * 100);
  const span2 = points.at(-1).at - points[0].at;
  return {
    name,
    pid,
    peakRssMiB: mib(Math.max(...points.map((p) => p.rss))),
    avgRssMiB: mib(points.reduce((n, p) => n + p.rss, 0) / points.length),
    avgCpuPercent: pct((points.at(-1).cpuMs - points[0].cpuMs) / Math.max(1, span2) * 100),
    peakCpuPercent: pct(Math.max(0, ...rates))
  };
}
function sampleUsage(targets) {
  const started = performance.now();
  const series = targets.map(() => []);
  const summedRss = [];
  const take = async () => {
    const at = performance.now();
    const samples = await Promise.all(targets.map((t) => sampleProcess(t.pid)));
    samples.forEach((s, i) => {
      if (s)
        series[i].push({ at, ...s });
    });
    summedRss.push(samples.reduce((n, s) => n + (s?.rss ?? 0), 0));
  };
  const first = take();
  const timer = setInterval(() => void take(), SAMPLE_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await take();
      const processes = targets.flatMap((t, i) => series[i].length >= 2 ? [summarize(t.name, t.pid, series[i])] : []);
      if (processes.length === 0)
        return null;
      return {
        processes,
        total: {
          peakRssMiB: mib(Math.max(...summedRss)),
          avgCpuPercent: pct(processes.reduce((n, p) => n + p.avgCpuPercent, 0))
        },
        samples: summedRss.length,
        durationMs: Math.round(performance.now() - started)
      };
    }
  };
}
function lifetimeUsage(name, pid) {
  if (process.platform !== "linux")
    return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const lifeSeconds = Math.max(1e-3, uptime - Number(fields[19]) / TICKS_PER_SECOND);
    const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      name,
      pid,
      peakRssMiB: mib(kib("VmHWM") * 1024),
      avgRssMiB: mib(kib("VmRSS") * 1024),
      avgCpuPercent: pct(cpuSeconds / lifeSeconds * 100),
      peakCpuPercent: pct(cpuSeconds / lifeSeconds * 100)
    };
  } catch {
    return null;
  }
}

// ../core/dist/report/stack-usage.js
var FIRST_SAMPLE_MS = 500;
function watchUsage(profile) {
  let sampler = null;
  const begin = setTimeout(() => {
    sampler = (async () => sampleUsage(await usageTargets(profile)))();
  }, FIRST_SAMPLE_MS);
  begin.unref();
  return {
    stop: async () => {
      clearTimeout(begin);
      const started = sampler;
      return started ? (await started.catch(() => null))?.stop() ?? null : null;
    }
  };
}
async function stackUsage(profile) {
  const targets = await usageTargets(profile);
  const processes = targets.map((t) => lifetimeUsage(t.name, t.pid)).filter((u) => u !== null);
  if (processes.length === 0)
    return null;
  return {
    processes,
    // Each process's own peak, summed: an upper bound of the stack's peak (they need not coincide).
    total: {
      peakRssMiB: Math.round(processes.reduce((n, p) => n + p.peakRssMiB, 0) * 10) / 10,
      avgCpuPercent: Math.round(processes.reduce((n, p) => n + p.avgCpuPercent, 0) * 10) / 10
    },
    samples: 1,
    durationMs: 0
  };
}
async function usageTargets(profile) {
  const { state } = await readState(profile.stateDir, { repair: false });
  const named = (await pidFileProcesses(profile)).map((e) => ({
    name: e.component,
    pid: e.pid,
    startTime: e.startTime
  }));
  const server = state.owner?.mode === "process" && state.owner.process ? [{ name: "server", ...state.owner.process }] : [];
  const launched = state.owner?.launchId ? await processesCarrying(state.owner.launchId) : [];
  const seen = /* @__PURE__ */ new Set();
  return [
    ...named,
    ...server,
    ...launched.map((ref) => ({ name: commandName(ref.pid), ...ref }))
  ].filter((t) => !seen.has(t.pid) && seen.add(t.pid));
}
function commandName(pid) {
  try {
    return readFileSync2(`/proc/${pid}/comm`, "utf8").trim() || `pid ${pid}`;
  } catch {
    return `pid ${pid}`;
  }
}

// ../core/dist/stack/release.js
async function releaseServer(profile, leaseId2, options = {}) {
  const resolved = await toProfile(profile);
  if (!resolved.start)
    return { released: false, stop: null, reason: "not-ours", remaining: 0, usage: null };
  return releaseLease(resolved, leaseId2, options);
}
async function releaseLease(profile, leaseId2, options = {}) {
  const logger = options.logger ?? silentLogger;
  const policy = options.stop ?? "if-owned";
  return withLock(profile.stateDir, async () => {
    const { state, warning: warning3 } = await readState(profile.stateDir);
    if (warning3)
      logger.warn(warning3);
    const released = state.leases.some((l) => l.id === leaseId2);
    const { live } = await partitionLeases(state.leases.filter((l) => l.id !== leaseId2));
    const result2 = (reason, stop2 = null) => ({
      released,
      stop: stop2,
      reason,
      remaining: live.length,
      usage: null
    });
    const owner = policy === "always" ? state.owner ?? await unownedAsOwner(profile) : state.owner;
    if (live.length > 0 || !owner || policy === "never") {
      const keep = policy === "never" && live.length === 0;
      await writeState(profile.stateDir, {
        ...state,
        leases: live,
        owner: keep ? null : state.owner
      });
      if (live.length > 0)
        return result2("in-use");
      if (keep && state.owner)
        return result2("kept");
      return result2(released ? "not-ours" : "no-lease");
    }
    logger.info(`Stopping ${profile.name}: ${state.owner ? "started by stigmer-e2e" : "stop: always"} and no lease remains.`);
    const stop = await stopAndDisown(profile, state, owner, { leases: [], logger });
    if (!stop?.stopped)
      return result2("replaced", stop);
    return result2(state.owner ? "stopped" : "stopped-always", stop);
  });
}
async function unownedAsOwner(profile) {
  if (!profile.stop.command)
    return null;
  return {
    leaseId: "",
    phase: "running",
    mode: "daemon",
    startedAt: 0,
    process: null,
    identity: await pidFileProcesses(profile)
  };
}

// ../core/dist/stack/handle.js
function makeHandle(ctx, result2) {
  const { profile } = ctx;
  const pending = result2.pending ?? false;
  const available = result2.outcome !== "unavailable" && !pending;
  const snapshot = {
    profile: profile.name,
    available,
    pending,
    owned: result2.outcome === "started" || result2.outcome === "adopted",
    reused: result2.outcome !== "started" && result2.outcome !== "unavailable",
    outcome: result2.outcome,
    reason: result2.reason ?? null,
    leaseId: result2.leaseId,
    components: result2.components,
    env: { ...profile.env },
    logTails: result2.logTails ?? [],
    elapsedMs: ctx.elapsed(),
    stateDir: profile.start ? profile.stateDir : null,
    mismatch: result2.mismatch ?? [],
    timeline: result2.timeline ?? null
  };
  if (result2.outcome === "unavailable" && ctx.policy === "fail") {
    throw new ServerUnavailableError(describeUnavailable(snapshot), snapshot);
  }
  const leaseId2 = result2.leaseId;
  const usage = available && leaseId2 && ctx.usage ? watchUsage(profile) : null;
  let releasing;
  const stackFaults = faults(profile);
  return {
    ...snapshot,
    snapshot: () => snapshot,
    faults: stackFaults,
    release: () => {
      releasing ??= (async () => {
        await stackFaults.resumeAll();
        const summary = await usage?.stop() ?? null;
        if (!leaseId2)
          return { released: false, stop: null, reason: "no-lease", remaining: 0, usage: null };
        return {
          ...await releaseLease(profile, leaseId2, { logger: ctx.logger }),
          usage: summary
        };
      })();
      return releasing;
    }
  };
}

// ../core/dist/stack/wait.js
var FOREIGN_SETTLE_MS = 1e4;
async function awaitPlanned(ctx, planned) {
  const { decision, lease, statuses, ready } = planned;
  const outcome2 = outcomeOf(decision);
  if (decision.kind === "unavailable" || !lease)
    return makeHandle(ctx, {
      outcome: "unavailable",
      reason: decision.kind === "unavailable" ? decision.reason : "no lease",
      components: statuses,
      leaseId: null
    });
  const mismatch = "mismatch" in decision && decision.kind !== "restart" ? decision.mismatch : [];
  warnMismatch(ctx, mismatch);
  const available = { outcome: outcome2, components: statuses, leaseId: lease.id, mismatch };
  if (decision.kind === "reuse") {
    ctx.logger.info(`${ctx.profile.name} is already running (not started by stigmer-e2e): reusing it; it will be left running.`);
    return makeHandle(ctx, available);
  }
  const owned = decision.kind !== "join" && decision.kind !== "settle";
  if (ready && (!owned || planned.owner?.phase === "running"))
    return makeHandle(ctx, available);
  if (!ctx.wait) {
    const reason = `not waited for (wait: false); resume with ensureServer(profile, { resume: '${lease.id}' })`;
    return makeHandle(ctx, { ...available, pending: !ready, reason: ready ? void 0 : reason });
  }
  if (decision.kind === "settle")
    return awaitSettle(ctx, lease, decision);
  if (decision.kind === "join")
    return awaitOthersStart(ctx, lease, planned.owner);
  return awaitOwnStart(ctx, lease, planned);
}
async function awaitOwnStart(ctx, lease, planned) {
  const { profile } = ctx;
  const owner = planned.owner;
  const watching = new AbortController();
  const start = watchStart(profile, owner, watching.signal, planned.launched ?? void 0);
  let result2;
  try {
    result2 = await waitFor(ctx, { failure: start.failure, gate: start.returned });
  } catch (error) {
    await abandonStart(ctx, lease, owner, `aborted: ${error.message}`, true);
    throw error;
  } finally {
    watching.abort();
  }
  if (!result2.ready) {
    const neverRan = startNeverRan(profile);
    const logs = neverRan ? { "start command": [startLogFile(profile)] } : profileLogs(profile);
    const logTails = await readLogTails(logs, ctx.logLines);
    const known = knownFailure(profile, logTails);
    const reason = known ? `${known.reason} (${result2.reason})` : result2.reason;
    const fix = known?.fix && !ctx.fixesTried.has(known.match) ? known.fix : null;
    await abandonStart(ctx, lease, owner, reason, !neverRan, fix !== null);
    if (fix) {
      ctx.fixesTried.add(known.match);
      const fixed = await runFix(ctx, fix);
      if (fixed === null)
        return REPLAN;
      await releaseLease(profile, lease.id, { logger: ctx.logger });
      return makeHandle(ctx, {
        outcome: "unavailable",
        reason: `${reason}; ${fix.doing} failed: ${fixed}`,
        components: result2.components,
        leaseId: null,
        logTails
      });
    }
    return makeHandle(ctx, {
      outcome: "unavailable",
      reason,
      components: result2.components,
      leaseId: null,
      logTails
    });
  }
  const timeline = {
    launchedAt: owner.startedAt,
    returnedAt: result2.readyTimes.gate,
    components: result2.readyTimes.components,
    readyAt: Date.now()
  };
  await recordIdentity(profile, owner, timeline);
  ctx.logger.info(`${profile.name} is ready after ${formatSeconds(ctx.elapsed())} (started by this run; stopped when the last run using it is done).`);
  return makeHandle(ctx, {
    outcome: outcomeOf(planned.decision),
    components: result2.components,
    leaseId: lease.id,
    timeline
  });
}
async function awaitOthersStart(ctx, lease, owner) {
  ctx.logger.info(`${ctx.profile.name} is being started by another run: waiting for it.`);
  const watching = new AbortController();
  const start = watchStart(ctx.profile, owner, watching.signal);
  let starterDied = false;
  const failure = watchOwner(ctx.profile, owner, watching.signal).then((why) => {
    starterDied = why === REPLAN;
    return why === REPLAN ? "the run starting it died" : why;
  });
  const result2 = await waitOrRelease(ctx, lease, () => waitFor(ctx, { failure, gate: start.returned })).finally(() => watching.abort());
  if (result2.ready) {
    ctx.logger.info(`${ctx.profile.name} is ready after ${formatSeconds(ctx.elapsed())} (started by another run; shared with it).`);
    return sharedHandle(ctx, lease, "joined", result2.components);
  }
  if (starterDied) {
    ctx.logger.info(`The run that was starting ${ctx.profile.name} died: taking over.`);
    return REPLAN;
  }
  const logTails = await readLogTails(profileLogs(ctx.profile), ctx.logLines);
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  return makeHandle(ctx, {
    outcome: "unavailable",
    reason: result2.reason,
    components: result2.components,
    leaseId: null,
    logTails
  });
}
async function awaitSettle(ctx, lease, { reason, thenStart }) {
  const settleMs = Math.min(ctx.timeoutMs, FOREIGN_SETTLE_MS);
  ctx.logger.info(`${ctx.profile.name} is partly running (not started by stigmer-e2e): waiting up to ${formatSeconds(settleMs)} for it.`);
  const result2 = await waitOrRelease(ctx, lease, () => waitFor(ctx, {}, settleMs));
  if (result2.ready)
    return sharedHandle(ctx, lease, "reused", result2.components);
  if (thenStart)
    return REPLAN;
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  const still = `${reason} After ${formatSeconds(settleMs)}, still not ready: ${describeNotReady(result2.components)}.`;
  return makeHandle(ctx, {
    outcome: "unavailable",
    reason: still,
    components: result2.components,
    leaseId: null
  });
}
async function awaitExternal(ctx) {
  const result2 = await waitFor(ctx, {});
  return result2.ready ? makeHandle(ctx, { outcome: "external", components: result2.components, leaseId: null }) : makeHandle(ctx, {
    outcome: "unavailable",
    reason: `external stack not ready: ${result2.reason}`,
    components: result2.components,
    leaseId: null
  });
}
async function sharedHandle(ctx, lease, outcome2, components) {
  const mismatch = ctx.profile.startedWith ? await settingsMismatch(ctx.profile) ?? [] : [];
  const refused = refuseMismatch(mismatch, ctx.onMismatch);
  if (refused) {
    await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
    return makeHandle(ctx, {
      outcome: "unavailable",
      reason: refused,
      components,
      leaseId: null,
      mismatch
    });
  }
  warnMismatch(ctx, mismatch);
  return makeHandle(ctx, { outcome: outcome2, components, leaseId: lease.id, mismatch });
}
function warnMismatch(ctx, mismatch) {
  if (mismatch.length > 0)
    ctx.logger.warn(`${ctx.profile.name} is running with other settings: ${mismatch.join("; ")}. Using it anyway (onMismatch: 'reuse').`);
}
async function waitFor(ctx, { failure, gate }, timeoutMs = ctx.timeoutMs) {
  const activity = watchActivity(signsOfLife(ctx.profile));
  try {
    return await waitReady(ctx.profile.components, {
      timeoutMs,
      activity,
      ...failure ? { failure } : {},
      ...gate ? { gate } : {},
      ...ctx.signal ? { signal: ctx.signal } : {},
      ...ctx.onProgress ? { onProgress: ctx.onProgress } : {}
    });
  } finally {
    activity.close();
  }
}
function signsOfLife(profile) {
  const logs = Object.values(profileLogs(profile)).flat();
  return [
    ...logs.filter((source) => typeof source === "string"),
    ...profile.components.map(componentPidFile).filter((file) => file !== null)
  ];
}
async function waitOrRelease(ctx, lease, run4) {
  try {
    return await run4();
  } catch (error) {
    await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
    throw error;
  }
}
async function runFix(ctx, fix) {
  const { profile, logger } = ctx;
  logger.info(`${profile.name}: ${fix.doing} (${formatCommand(fix.command)}), then starting it again.`);
  const ran = await runBounded(fix.command, {
    timeoutMs: fix.timeoutMs ?? ctx.timeoutMs,
    cwd: profile.start?.cwd,
    env: commandEnv(profile),
    onLine: (line) => logger.info(`  ${line}`)
  });
  if (ran.exitCode === 0)
    return null;
  if (ran.timedOut)
    return `it did not finish in ${formatSeconds(fix.timeoutMs ?? ctx.timeoutMs)}`;
  return ran.spawnError ?? `it exited with code ${ran.exitCode}: ${ran.all.trim().split("\n").at(-1) ?? ""}`;
}
async function abandonStart(ctx, lease, owner, reason, stop, keepLease = false) {
  const { profile, logger } = ctx;
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    const leases = keepLease ? state.leases : state.leases.filter((l) => l.id !== lease.id);
    if (state.owner?.startedAt !== owner.startedAt) {
      await writeState(profile.stateDir, { ...state, leases });
      return;
    }
    if (stop)
      logger.info(`Stopping what this run started of ${profile.name}: ${reason}`);
    await stopAndDisown(profile, state, state.owner, { leases, failure: reason, stop, logger });
  });
}

// ../core/dist/stack/ensure.js
async function ensureServer(profile = stigmer(), options = {}) {
  const ctx = resolveContext(await toProfile(profile), options);
  if (!ctx.profile.start)
    return awaitExternal(ctx);
  let leaseId2 = ctx.resume;
  let settled = false;
  for (; ; ) {
    const planned = await plan(ctx, leaseId2, settled);
    const handle = await awaitPlanned(ctx, planned);
    if (handle !== REPLAN)
      return handle;
    leaseId2 = planned.lease.id;
    settled ||= planned.decision.kind === "settle";
  }
}

// ../core/dist/group/secrets.js
var BARE_PASSWORD_LENGTH = 6;
function groupSecrets(group) {
  return envSecrets(process.env, ...group.members.flatMap((m) => [m.profile.env, m.profile.start?.env ?? {}]));
}
function envSecrets(...envs) {
  const passwords = envs.flatMap((env) => Object.values(env).flatMap(urlPassword));
  return [.../* @__PURE__ */ new Set([...secretValues(...envs), ...passwords])].sort((a, b) => b.length - a.length);
}
function urlPassword(value) {
  if (!value || !/^[a-z][a-z\d+.-]*:\/\/[^/@]*:[^/@]+@/i.test(value))
    return [];
  let password;
  try {
    password = new URL(value).password;
  } catch {
    return [];
  }
  if (!password)
    return [];
  const forms = [.../* @__PURE__ */ new Set([password, decodeURIComponent(password)])];
  return forms.map((p) => p.length >= BARE_PASSWORD_LENGTH ? p : `:${p}@`);
}
function redactingLogger(logger, secrets) {
  return {
    info: (message2) => logger.info(redact(message2, secrets)),
    warn: (message2) => logger.warn(redact(message2, secrets))
  };
}

// ../core/dist/group/release-group.js
async function releaseGroup(group, leaseId2, options = {}) {
  const resolved = await toGroup(group);
  const leases = parseGroupLease(resolved, leaseId2);
  const logger = options.logger && redactingLogger(options.logger, groupSecrets(resolved));
  return releaseInOrder(resolved, (member) => {
    const id = leases.get(member.name);
    if (!id)
      return null;
    return releaseServer(member.profile, id, { ...options, ...logger ? { logger } : {} });
  });
}
async function releaseInOrder(group, release) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const results = [];
  const errors = [];
  const done = /* @__PURE__ */ new Map();
  for (const member of [...group.members].reverse()) {
    const after = dependentsOf(group, member.name).map((d) => done.get(d.name));
    done.set(member.name, (async () => {
      await Promise.allSettled(after);
      const began = ms();
      try {
        const result2 = await release(member);
        if (result2)
          results.push({ name: member.name, ...result2, began, ended: ms() });
      } catch (error) {
        errors.push(error);
      }
    })());
  }
  await Promise.all(done.values());
  if (errors.length > 0)
    throw errors[0];
  return { members: results, elapsedMs: ms() };
}

// ../core/dist/group/ensure-group.js
async function ensureGroup(group, options = {}) {
  const resolved = await toGroup(group);
  const began = performance.now();
  const ms = () => Math.round(performance.now() - began);
  const policy = resolvePolicy(options.onUnavailable);
  const secrets = groupSecrets(resolved);
  const logger = redactingLogger(options.logger ?? silentLogger, secrets);
  const stopping = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopping.signal]) : stopping.signal;
  let failed = null;
  const fail2 = (name) => {
    if (failed !== null)
      return;
    failed = name;
    stopping.abort(new Error(`${name} failed`));
  };
  const stoppedBy = () => failed === null ? "interrupted" : `${failed} failed`;
  const onProgress = progressOf(resolved, options.onProgress, ms);
  logger.info(`${resolved.name}: ${resolved.members.map((m) => m.dependsOn.length > 0 ? `${m.name} (after ${m.dependsOn.join(", ")})` : m.name).join(", ")}.`);
  const runs = /* @__PURE__ */ new Map();
  for (const member of resolved.members) {
    const needs = member.dependsOn.map((name) => runs.get(name));
    runs.set(member.name, (async () => {
      const ready = await Promise.all(needs);
      if (signal.aborted || ready.some((r) => !r.handle?.available))
        return {
          member,
          handle: null,
          snapshot: notEnsured(member, `not started: ${stoppedBy()}`)
        };
      const start = ms();
      try {
        const handle = await ensureServer(member.profile, {
          ...options,
          signal,
          logger,
          onUnavailable: "skip",
          // the group reports first, then applies its policy
          onProgress: onProgress?.(member.name)
        });
        if (!handle.available)
          fail2(member.name);
        const times = { began: start, ended: ms() };
        return {
          member,
          handle,
          snapshot: memberSnapshot(member, handle.snapshot(), times, secrets)
        };
      } catch (error) {
        const interrupted = signal.aborted;
        if (!interrupted)
          fail2(member.name);
        const reason = interrupted && failed !== member.name ? `stopped waiting: ${stoppedBy()}` : redact(error.message, secrets);
        const snapshot = { ...notEnsured(member, reason), began: start, ended: ms() };
        return { member, handle: null, snapshot };
      }
    })());
  }
  const ensured = await Promise.all(runs.values());
  const handles = new Map(ensured.flatMap((e) => e.handle?.available && e.handle.leaseId ? [[e.member.name, e.handle]] : []));
  const releaseAll = () => releaseInOrder(resolved, (m) => handles.get(m.name)?.release() ?? null);
  if (options.signal?.aborted) {
    await releaseAll();
    throw options.signal.reason;
  }
  const snapshots = ensured.map((e) => e.snapshot);
  if (failed !== null) {
    logger.info(`${failed} failed: releasing what this run holds of the other members.`);
    const cleanup = await releaseAll();
    const snapshot = groupSnapshot(resolved, snapshots, { failed, cleanup: cleanup.members }, ms());
    if (policy === "fail")
      throw new ServerUnavailableError(describeGroupUnavailable(snapshot), snapshot);
    const none = { members: [], elapsedMs: 0 };
    return handleOf(snapshot, () => Promise.resolve(none));
  }
  let releasing;
  return handleOf(groupSnapshot(resolved, snapshots, null, ms()), () => {
    releasing ??= releaseAll();
    return releasing;
  });
}
function handleOf(snapshot, release) {
  return {
    ...snapshot,
    snapshot: () => snapshot,
    release,
    member(name) {
      const found = snapshot.members.find((m) => m.name === name);
      if (found)
        return found;
      throw new Error(`${snapshot.profile} has no member "${name}"; its members are ${snapshot.members.map((m) => `"${m.name}"`).join(", ")}`);
    }
  };
}
function progressOf(group, onProgress, ms) {
  if (!onProgress)
    return void 0;
  const latest = /* @__PURE__ */ new Map();
  return (name) => (components) => {
    latest.set(name, components.map((c) => ({ ...c, name: `${name}/${c.name}` })));
    onProgress(group.members.flatMap((m) => latest.get(m.name) ?? []), ms());
  };
}

// ../core/dist/stack/status.js
async function serverStatus(profile = stigmer()) {
  const resolved = await toProfile(profile);
  const components = await probeAll(resolved.components);
  const base = {
    profile: resolved.name,
    available: components.every((c) => !c.required || c.ready),
    components
  };
  if (!resolved.start)
    return { ...base, owner: null, leases: [], lastFailure: null, stateDir: null, warning: null };
  const { state, warning: warning3 } = await readState(resolved.stateDir, { repair: false });
  const leases = await Promise.all(state.leases.map(async (l) => ({ ...l, alive: await isLeaseAlive(l) })));
  const owner = state.owner ? { ...state.owner, leaseAlive: leases.some((l) => l.id === state.owner.leaseId && l.alive) } : null;
  return {
    ...base,
    owner,
    leases,
    lastFailure: state.lastFailure,
    stateDir: resolved.stateDir,
    warning: warning3
  };
}

// ../core/dist/group/status.js
async function groupStatus(group) {
  const resolved = await toGroup(group);
  const members = await Promise.all(resolved.members.map(async (m) => ({
    name: m.name,
    dependsOn: m.dependsOn,
    ...await serverStatus(m.profile)
  })));
  return { profile: resolved.name, available: members.every((m) => m.available), members };
}

// ../core/dist/profile/load-profile.js
import { readFile as readFile3 } from "node:fs/promises";
import path4 from "node:path";
import { pathToFileURL } from "node:url";
async function loadConfig(config, stigmerOptions = {}) {
  if (config === void 0)
    return stigmer(stigmerOptions);
  const file = path4.resolve(config);
  const ext = path4.extname(file);
  let spec;
  try {
    if (ext === ".json") {
      spec = JSON.parse(await readFile3(file, "utf8"));
    } else if (ext === ".js" || ext === ".mjs") {
      const mod = await import(pathToFileURL(file).href);
      spec = mod.default;
      if (spec === void 0)
        throw new ProfileError(`${config} has no default export: export the server spec with \`export default { name, start, components, ... }\`, or a group with \`export default { members: [...] }\`.`);
    } else {
      throw new ProfileError(`--config ${config}: expected a .js, .mjs or .json file, got "${ext || "no extension"}".`);
    }
  } catch (error) {
    if (error instanceof ProfileError)
      throw error;
    const code = error.code;
    const why = code === "ENOENT" || code === "ERR_MODULE_NOT_FOUND" ? "no such file" : error.message;
    throw new ProfileError(`Cannot load --config ${config} (${file}): ${why}.`);
  }
  if (isProfile(spec) || isGroup(spec))
    return spec;
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new ProfileError(`${config}: expected the default export to be a server spec or a group ({ members: [...] }) object, got ${Array.isArray(spec) ? "an array" : typeof spec}.`);
  }
  if ("members" in spec) {
    const { defineGroup: defineGroup2 } = await import("./define-group-FJBLSSTY.js");
    return defineGroup2(spec, { baseDir: path4.dirname(file), source: config });
  }
  const { defineServer: defineServer2 } = await import("./define-server-GOQOGVES.js");
  return defineServer2(spec, { baseDir: path4.dirname(file), source: config });
}

// ../core/dist/report/timeline.js
function timelineBars(timeline) {
  const at = (t) => Math.max(0, t - timeline.launchedAt);
  const bars = [];
  if (timeline.returnedAt !== null)
    bars.push({ name: "start command", fromMs: 0, toMs: at(timeline.returnedAt) });
  for (const [name, t] of Object.entries(timeline.components).sort((a, b) => a[1] - b[1]))
    bars.push({ name, fromMs: 0, toMs: at(t) });
  return bars;
}
function timelineMermaid(title, bars) {
  const clean = (text) => text.replace(/[:#;]/g, " ");
  return [
    "```mermaid",
    "gantt",
    `  title ${clean(title)}`,
    "  dateFormat x",
    "  axisFormat %S.%L s",
    ...bars.map((b) => `  ${clean(b.name)} : ${b.fromMs}, ${Math.max(b.toMs, b.fromMs + 1)}`),
    "```"
  ].join("\n");
}

// src/secrets.ts
function maskSecrets(...more) {
  for (const value of secretValues(process.env, ...more)) setSecret(value);
}
function redactSecrets(text, ...more) {
  return redact(text, secretValues(process.env, ...more));
}

// src/log.ts
var info2 = (message2) => info(redactSecrets(message2));
var warning2 = (message2) => warning(redactSecrets(message2));
var fail = (message2) => setFailed(redactSecrets(message2));

// src/cache/cache-store.ts
async function cacheStore() {
  const dir = process.env.STIGMER_ACTION_CACHE_DIR;
  if (dir) {
    const { DirectoryCacheStore } = await import("./directory-cache-store-ZHGOJDVW.js");
    return new DirectoryCacheStore(dir);
  }
  const { GitHubCacheStore } = await import("./github-cache-store-BMT43BEV.js");
  return new GitHubCacheStore();
}

// src/cache/caches.ts
import { mkdir, readdir as readdir2 } from "node:fs/promises";
import path5 from "node:path";
async function restoreEntries(store, entries) {
  if (entries.length === 0) return { misses: [], outcomes: [] };
  if (!store.available()) {
    info2(`${store.name} is not available on this runner: nothing restored or saved.`);
    return { misses: [], outcomes: [] };
  }
  const misses = [];
  const outcomes = [];
  for (const entry of entries) {
    const began = performance.now();
    let hit = false;
    try {
      if (await store.restore(entry.paths, entry.key)) {
        if (entry.image) await docker2(["load", "-i", imageFile(entry)]);
        info2(`Restored ${entry.name} from the ${store.name} (key ${entry.key}).`);
        hit = true;
      } else {
        info2(`No cache for ${entry.name} (key ${entry.key}): it will be saved in post.`);
      }
    } catch (error) {
      warning2(`Restoring ${entry.name} from the ${store.name} failed: ${message(error)}`);
    }
    if (!hit) misses.push(entry);
    outcomes.push({
      name: entry.name,
      key: entry.key,
      hit,
      ms: Math.round(performance.now() - began)
    });
  }
  return { misses, outcomes };
}
var imageFile = (entry) => path5.join(entry.paths[0], "image.tar");
async function docker2(args) {
  const ran = await getExecOutput("docker", args, { ignoreReturnCode: true, silent: true });
  if (ran.exitCode !== 0)
    throw new Error(
      `docker ${args[0]} exited ${ran.exitCode}: ${ran.stderr.trim() || ran.stdout.trim()}`
    );
}
async function saveEntries(store, entries) {
  for (const entry of entries) {
    try {
      if (entry.image) {
        await mkdir(entry.paths[0], { recursive: true });
        await docker2(["save", "-o", imageFile(entry), entry.image]);
      }
      if (!await hasContent(entry.paths)) {
        info2(`Not saving ${entry.name}: ${entry.paths.join(", ")} is missing or empty.`);
        continue;
      }
      const saved = await store.save(entry.paths, entry.key);
      info2(
        saved ? `Saved ${entry.name} to the ${store.name} (key ${entry.key}).` : `${entry.name} not saved: key ${entry.key} exists or another job is saving it.`
      );
    } catch (error) {
      warning2(`Saving ${entry.name} to the ${store.name} failed: ${message(error)}`);
    }
  }
}
async function hasContent(paths) {
  for (const p of paths) {
    const names = await readdir2(p).catch(() => []);
    if (names.length > 0) return true;
  }
  return false;
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/state-helper.ts
var KEYS = {
  preRan: "pre-ran",
  startedAt: "started-at",
  bin: "bin",
  version: "version",
  cacheMisses: "cache-misses",
  cacheOutcomes: "cache-outcomes",
  leaseId: "lease-id",
  outcome: "outcome",
  configPath: "config-path",
  result: "result"
};
var preRan = () => getState(KEYS.preRan) === "true";
var setPreRan = () => saveState(KEYS.preRan, "true");
function startedAt() {
  const value = Number(getState(KEYS.startedAt));
  return Number.isFinite(value) && value > 0 ? value : null;
}
var setStartedAt = (ms) => saveState(KEYS.startedAt, String(ms));
var bin = () => getState(KEYS.bin) || null;
var setBin = (path7) => saveState(KEYS.bin, path7);
var setVersion = (tag) => saveState(KEYS.version, tag);
function cacheMisses() {
  return parseJson(getState(KEYS.cacheMisses)) ?? [];
}
var setCacheMisses = (entries) => saveState(KEYS.cacheMisses, JSON.stringify(entries));
function cacheOutcomes() {
  return parseJson(getState(KEYS.cacheOutcomes)) ?? [];
}
var setCacheOutcomes = (outcomes) => saveState(KEYS.cacheOutcomes, JSON.stringify(outcomes));
var leaseId = () => getState(KEYS.leaseId) || null;
var setLeaseId = (id) => saveState(KEYS.leaseId, id);
function outcome() {
  return getState(KEYS.outcome) || null;
}
var setOutcome = (value) => saveState(KEYS.outcome, value);
var configPath = () => getState(KEYS.configPath) || null;
var setConfigPath = (path7) => saveState(KEYS.configPath, path7);
var result = () => parseJson(getState(KEYS.result));
var setResult = (value) => saveState(KEYS.result, JSON.stringify(value));
function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// src/stack/profile.ts
import { access } from "node:fs/promises";
import path6 from "node:path";
function configFile(config) {
  return path6.resolve(process.env.GITHUB_WORKSPACE || process.cwd(), config);
}
async function stackProfile(inputs, options) {
  if (options.configPath) {
    const file = options.configPath;
    const found = await access(file).then(
      () => true,
      () => false
    );
    if (!found)
      throw new Error(
        `\`config\`: ${file} does not exist. The profile file is read from the repository: run actions/checkout before this step, and give the path relative to the repository root.`
      );
    if (options.bin && !process.env.STIGMER_E2E_BIN) process.env.STIGMER_E2E_BIN = options.bin;
    return loadConfig(file);
  }
  return stigmerProfile(inputs, options.bin);
}
function stigmerProfile(inputs, bin2) {
  return stigmer({
    ...bin2 ? { bin: bin2 } : {},
    ...inputs.require ? { require: [...inputs.require] } : {},
    // Without the input, stigmer() takes STIGMER_LLM_MODEL from the job's environment.
    ...inputs.llmModel ? { llm: { model: inputs.llmModel } } : {}
  });
}

// src/stage.ts
async function runStage(stage, body) {
  try {
    maskSecrets();
    await body();
  } catch (error) {
    if (stage === "post") warning2(`post: ${errorMessage(error)}`);
    else fail(errorMessage(error));
  }
}
async function attempt(what, body) {
  try {
    return await body();
  } catch (error) {
    warning2(`${what} failed: ${errorMessage(error)}`);
    return void 0;
  }
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/install/release-url.ts
var LOOPBACK = /* @__PURE__ */ new Set(["127.0.0.1", "[::1]", "::1", "localhost"]);
function assetUrl(template, tag, platform) {
  return template.replaceAll("{version}", tag).replaceAll("{semver}", tag.replace(/^v/, "")).replaceAll("{os}", platform.os).replaceAll("{arch}", platform.arch);
}
function checksumUrl(asset) {
  const url = new URL(asset);
  url.pathname = `${url.pathname}.sha256`;
  return url.toString();
}
function assertSafeUrl(value, what) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what}: expected an absolute https URL, got \`${value}\`.`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return url;
  throw new Error(
    `${what}: refusing \`${value}\`: downloads must use https (plain http is allowed only for loopback: 127.0.0.1, ::1, localhost). Use an https mirror.`
  );
}

// src/github-api.ts
var USER_AGENT = "stigmer-server-action";
function apiUrl(route) {
  const base = process.env.GITHUB_API_URL || "https://api.github.com";
  assertSafeUrl(base, "GITHUB_API_URL");
  return `${base.replace(/\/+$/, "")}${route}`;
}
async function getJson(route, token, options = {}) {
  const url = apiUrl(route);
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: true,
    maxRetries: 2,
    ...options.timeoutMs ? { socketTimeout: options.timeoutMs } : {}
  });
  try {
    const response = await client.getJson(url, {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      ...token ? { authorization: `Bearer ${token}` } : {}
    });
    if (response.result === null)
      throw new Error(`GET ${url} answered ${response.statusCode} with no body.`);
    return response.result;
  } finally {
    client.dispose();
  }
}

// src/stack/logger.ts
var actionsLogger = {
  info: (message2) => info2(message2),
  warn: (message2) => warning2(message2)
};

export {
  getInputs,
  readLogTails,
  formatSeconds,
  describeOutcome,
  describeRelease,
  describeMembers,
  describeGroupAvailable,
  describeGroupRelease,
  profileLogs,
  stackUsage,
  releaseServer,
  ensureServer,
  isGroupSnapshot,
  releaseGroup,
  ensureGroup,
  serverStatus,
  groupStatus,
  timelineBars,
  timelineMermaid,
  maskSecrets,
  redactSecrets,
  info2 as info,
  warning2 as warning,
  cacheStore,
  restoreEntries,
  docker2 as docker,
  saveEntries,
  assetUrl,
  checksumUrl,
  assertSafeUrl,
  getJson,
  preRan,
  setPreRan,
  startedAt,
  setStartedAt,
  bin,
  setBin,
  setVersion,
  cacheMisses,
  setCacheMisses,
  cacheOutcomes,
  setCacheOutcomes,
  leaseId,
  setLeaseId,
  outcome,
  setOutcome,
  configPath,
  setConfigPath,
  result,
  setResult,
  configFile,
  stackProfile,
  stigmerProfile,
  actionsLogger,
  runStage,
  attempt,
  errorMessage
};
