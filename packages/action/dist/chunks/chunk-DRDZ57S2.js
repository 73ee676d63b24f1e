import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isProvenDead,
  isSameProcess,
  liveness,
  normalizeLstart,
  psEnv,
  readSmallFile,
  sleep
} from "./chunk-OWJNM7FF.js";

// ../core/dist/process/signal.js
async function signalVerified(ref, signal) {
  if (!await isSameProcess(ref))
    return false;
  try {
    process.kill(ref.pid, signal);
    return true;
  } catch {
    return false;
  }
}
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

// ../core/dist/process/terminate.js
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";

// ../core/dist/process/tree.js
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { promisify } from "node:util";
var run = promisify(execFile);
var PS_TIMEOUT_MS = 1e4;
function tableLinux(entries) {
  const table = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid))
      continue;
    let stat = null;
    try {
      stat = readSmallFile(`/proc/${pid}/stat`);
    } catch {
    }
    if (stat === null)
      continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [state, ppid, pgid] = fields;
    const startTime = fields[19];
    if (!startTime)
      continue;
    table.set(pid, {
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime,
      zombie: state === "Z" || state === "X"
    });
  }
  return table;
}
async function tablePs() {
  const { stdout } = await run("ps", ["-A", "-o", "pid=,ppid=,pgid=,stat=,lstart="], {
    env: psEnv(),
    timeout: PS_TIMEOUT_MS,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024
  });
  const table = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const [pid, ppid, pgid, state = "", ...lstart] = line.trim().split(/\s+/);
    if (!pid || lstart.length === 0)
      continue;
    table.set(Number(pid), {
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime: normalizeLstart(lstart),
      zombie: state.startsWith("Z")
    });
  }
  return table;
}
async function processTable() {
  return process.platform === "linux" ? tableLinux(await readdir("/proc")) : tablePs();
}
function below(table, roots) {
  const children = /* @__PURE__ */ new Map();
  for (const [pid, { ppid }] of table) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found = [];
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const pid of children.get(queue.shift()) ?? []) {
      if (seen.has(pid))
        continue;
      seen.add(pid);
      queue.push(pid);
      const entry = table.get(pid);
      if (!entry.zombie)
        found.push({ pid, startTime: entry.startTime, pgid: entry.pgid });
    }
  }
  return found;
}
async function descendants(rootPid) {
  if (process.platform === "win32")
    return [];
  return below(await processTable(), [rootPid]);
}
async function orphans(leader) {
  if (process.platform === "win32")
    return [];
  const table = await processTable();
  const atPid = table.get(leader.pid);
  if (atPid && atPid.startTime !== leader.startTime)
    return [];
  const members = [...table].filter(([pid, e]) => e.pgid === leader.pid && pid !== leader.pid && !e.zombie).map(([pid, e]) => ({ pid, startTime: e.startTime, pgid: e.pgid }));
  const inGroup = new Set(members.map((m) => m.pid));
  const outside = below(table, members.map((m) => m.pid)).filter((d) => !inGroup.has(d.pid));
  return [...members, ...outside];
}

// ../core/dist/process/terminate.js
var run2 = promisify2(execFile2);
var POLL_MS = 20;
async function notDead(refs) {
  const dead = await Promise.all(refs.map((r) => isProvenDead(r)));
  return refs.filter((_, i) => !dead[i]);
}
async function waitGone(refs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const alive = await notDead(refs);
    if (alive.length === 0 || Date.now() >= deadline)
      return alive;
    await sleep(POLL_MS);
  }
}
async function terminateTree(leader, signal, timeoutMs) {
  const steps = [];
  const state = await liveness(leader);
  if (state === "unknown") {
    return {
      steps: [`could not check whether pid ${leader.pid} still runs: nothing was signalled`],
      survivors: [leader]
    };
  }
  if (state === "dead")
    return sweepOrphans(leader, signal, timeoutMs);
  if (process.platform === "win32") {
    await run2("taskkill", ["/PID", String(leader.pid), "/T", "/F"], {
      windowsHide: true,
      timeout: 1e4
    }).catch(() => {
    });
    steps.push(`taskkill /T /F pid ${leader.pid} (Windows has no graceful stop for console programs)`);
    return { steps, survivors: await waitGone([leader], 2e3) };
  }
  const below2 = await freeze(leader);
  const tree = [leader, ...below2];
  const outside = below2.filter((d) => d.pgid !== leader.pid);
  signalGroup(leader.pid, signal);
  await Promise.all(outside.map((d) => signalVerified(d, signal)));
  signalGroup(leader.pid, "SIGCONT");
  await Promise.all(outside.map((d) => signalVerified(d, "SIGCONT")));
  const inGroup = tree.length - outside.length;
  steps.push(`${signal} to process group ${leader.pid} (${inGroup} process${inGroup === 1 ? "" : "es"})` + (outside.length > 0 ? ` and to ${outside.length} descendant(s) outside it (${outside.map((d) => d.pid).join(", ")})` : ""));
  return escalate(leader, tree, timeoutMs, steps);
}
async function freeze(leader) {
  signalGroup(leader.pid, "SIGSTOP");
  const known = /* @__PURE__ */ new Map();
  for (let round = 0; round < 10; round++) {
    const fresh = (await descendants(leader.pid)).filter((d) => !known.has(d.pid));
    if (fresh.length === 0)
      break;
    for (const d of fresh)
      known.set(d.pid, d);
    await Promise.all(fresh.filter((d) => d.pgid !== leader.pid).map((d) => signalVerified(d, "SIGSTOP")));
  }
  return [...known.values()];
}
async function sweepOrphans(leader, signal, timeoutMs) {
  const known = /* @__PURE__ */ new Map();
  for (let round = 0; round < 10; round++) {
    const fresh = (await orphans(leader)).filter((d) => !known.has(d.pid));
    if (fresh.length === 0)
      break;
    for (const d of fresh)
      known.set(d.pid, d);
    await Promise.all(fresh.map((d) => signalVerified(d, "SIGSTOP")));
  }
  const left = [...known.values()];
  if (left.length === 0)
    return {
      steps: [`pid ${leader.pid} had already exited, leaving nothing behind`],
      survivors: []
    };
  await Promise.all(left.map((d) => signalVerified(d, signal)));
  await Promise.all(left.map((d) => signalVerified(d, "SIGCONT")));
  const steps = [
    `pid ${leader.pid} had already exited: ${signal} to the ${left.length} process${left.length === 1 ? "" : "es"} it left (${left.map((d) => d.pid).join(", ")})`
  ];
  return escalate(leader, left, timeoutMs, steps);
}
async function escalate(leader, tree, timeoutMs, steps) {
  let survivors = await waitGone(tree, timeoutMs);
  if (survivors.length > 0) {
    steps.push(`still running after ${timeoutMs} ms: SIGKILL to ${survivors.map((s) => s.pid).join(", ")}`);
    await forceKill(leader, survivors);
    survivors = await waitGone(survivors, 2e3);
  }
  return { steps, survivors };
}
async function forceKill(leader, refs) {
  if (await isSameProcess(leader))
    signalGroup(leader.pid, "SIGKILL");
  await Promise.all(refs.map((r) => signalVerified(r, "SIGKILL")));
}
async function terminateEach(refs, timeoutMs) {
  const steps = [];
  const live = await notDead(refs);
  if (live.length === 0)
    return { steps, survivors: [] };
  await Promise.all(live.map((r) => signalVerified(r, "SIGTERM")));
  steps.push(`SIGTERM to ${live.map((r) => r.pid).join(", ")}`);
  let survivors = await waitGone(live, timeoutMs);
  if (survivors.length > 0) {
    steps.push(`SIGKILL to ${survivors.map((r) => r.pid).join(", ")}`);
    await Promise.all(survivors.map((r) => signalVerified(r, "SIGKILL")));
    survivors = await waitGone(survivors, 2e3);
  }
  return { steps, survivors };
}

// ../core/dist/process/run-bounded.js
var KILL_AFTER_MS = 1e3;
var DRAIN_MS = 250;
var GIVE_UP_AFTER_KILL_MS = 2e3;
async function runBounded(argv, options) {
  const { execa } = await import("./execa-5YVE4HVE.js");
  const [file, ...args] = argv;
  const child = execa(file, args, {
    reject: false,
    stdin: "ignore",
    all: true,
    // Its own group (Unix), so that a timeout reaches what it started too.
    detached: process.platform !== "win32",
    windowsHide: true,
    cwd: options.cwd,
    env: options.env ?? process.env,
    extendEnv: false
  });
  if (options.onLine) {
    const onLine = options.onLine;
    let partial = "";
    child.all?.on("data", (chunk) => {
      const lines = `${partial}${chunk.toString("utf8")}`.split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      for (const line of lines)
        if (line.trim())
          onLine(line);
    });
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  const signalGroup2 = (signal) => {
    if (!running() || !child.pid)
      return;
    try {
      if (process.platform === "win32")
        child.kill(signal);
      else
        process.kill(-child.pid, signal);
    } catch {
    }
  };
  const timers = [];
  let timedOut = false;
  let gaveUp;
  timers.push(setTimeout(() => {
    timedOut = true;
    signalGroup2("SIGTERM");
    timers.push(setTimeout(() => signalGroup2("SIGKILL"), KILL_AFTER_MS));
    timers.push(setTimeout(() => gaveUp?.(), KILL_AFTER_MS + GIVE_UP_AFTER_KILL_MS));
  }, options.timeoutMs));
  child.once("exit", () => {
    timers.push(setTimeout(() => void letGo(), DRAIN_MS));
  });
  const letGo = async () => {
    if (child.pid)
      await terminateEach(await orphans({ pid: child.pid, startTime: "" }), 1e3);
    for (const stream of [child.stdout, child.stderr, child.all])
      stream?.destroy();
  };
  try {
    const result = await Promise.race([
      child,
      new Promise((resolve) => {
        gaveUp = () => resolve(null);
      })
    ]);
    if (result === null) {
      return {
        exitCode: null,
        signal: null,
        timedOut,
        spawnError: null,
        stdout: "",
        stderr: "",
        all: ""
      };
    }
    const ran = result.exitCode !== void 0 || result.signal !== void 0 || timedOut;
    return {
      exitCode: result.exitCode ?? null,
      signal: result.signal ?? null,
      timedOut,
      spawnError: ran ? null : result.shortMessage ?? result.message ?? "could not be started",
      stdout: String(result.stdout ?? ""),
      stderr: String(result.stderr ?? ""),
      all: String(result.all ?? "")
    };
  } finally {
    for (const timer of timers)
      clearTimeout(timer);
  }
}

export {
  signalVerified,
  terminateTree,
  terminateEach,
  runBounded
};
