import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  connect,
  parseAddress
} from "./chunk-5RSCVT5T.js";
import "./chunk-H2DFVXG4.js";
import {
  formatCommand
} from "./chunk-DSUFZP6H.js";
import {
  commandEnv,
  componentPidFile
} from "./chunk-6BER4CMT.js";
import {
  isSameProcess,
  processRef,
  readSmallFile,
  sleep
} from "./chunk-M7FCQ5A3.js";
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
  const ref = await processRef(pid);
  return ref ? { kind: "alive", process: ref } : { kind: "dead", pid };
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

// ../core/src/process/terminate.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";

// ../core/src/process/signal.ts
async function signalVerified(ref, signal) {
  if (!await isSameProcess(ref)) return false;
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

// ../core/src/process/tree.ts
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { promisify } from "node:util";
var run = promisify(execFile);
async function parentsLinux() {
  const parents = /* @__PURE__ */ new Map();
  const entries = await readdir("/proc");
  await Promise.all(
    entries.map(async (entry) => {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) return;
      try {
        const stat = await readFile(`/proc/${pid}/stat`, "utf8");
        const [, ppid, pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parents.set(pid, { ppid: Number(ppid), pgid: Number(pgid) });
      } catch {
      }
    })
  );
  return parents;
}
async function parentsPs() {
  const { stdout } = await run("ps", ["-A", "-o", "pid=,ppid=,pgid="]);
  const parents = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== void 0 && pgid !== void 0) parents.set(pid, { ppid, pgid });
  }
  return parents;
}
async function descendants(rootPid) {
  if (process.platform === "win32") return [];
  const parents = process.platform === "linux" ? await parentsLinux() : await parentsPs();
  const children = /* @__PURE__ */ new Map();
  for (const [pid, { ppid }] of parents) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  const refs = await Promise.all(
    found.map(async (pid) => {
      const ref = await processRef(pid);
      return ref ? { ...ref, pgid: parents.get(pid).pgid } : null;
    })
  );
  return refs.filter((r) => r !== null);
}

// ../core/src/process/terminate.ts
var run2 = promisify2(execFile2);
var POLL_MS = 20;
async function waitGone(refs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const alive = (await Promise.all(refs.map(async (r) => await isSameProcess(r) ? r : null))).filter((r) => r !== null);
    if (alive.length === 0 || Date.now() >= deadline) return alive;
    await sleep(POLL_MS);
  }
}
async function terminateTree(leader, signal, timeoutMs) {
  const steps = [];
  if (!await isSameProcess(leader)) {
    return { steps: [`pid ${leader.pid} had already exited`], survivors: [] };
  }
  if (process.platform === "win32") {
    const tree2 = [leader, ...await descendants(leader.pid)];
    await run2("taskkill", ["/PID", String(leader.pid), "/T"], { windowsHide: true }).catch(
      () => {
      }
    );
    steps.push(`taskkill /T pid ${leader.pid}`);
    return escalate(leader, tree2, timeoutMs, steps);
  }
  const below = await freeze(leader);
  const tree = [leader, ...below];
  const outside = below.filter((d) => d.pgid !== leader.pid);
  signalGroup(leader.pid, signal);
  await Promise.all(outside.map((d) => signalVerified(d, signal)));
  signalGroup(leader.pid, "SIGCONT");
  await Promise.all(outside.map((d) => signalVerified(d, "SIGCONT")));
  const inGroup = tree.length - outside.length;
  steps.push(
    `${signal} to process group ${leader.pid} (${inGroup} process${inGroup === 1 ? "" : "es"})` + (outside.length > 0 ? ` and to ${outside.length} descendant(s) outside it (${outside.map((d) => d.pid).join(", ")})` : "")
  );
  return escalate(leader, tree, timeoutMs, steps);
}
async function freeze(leader) {
  signalGroup(leader.pid, "SIGSTOP");
  const known = /* @__PURE__ */ new Map();
  for (let round = 0; round < 10; round++) {
    const fresh = (await descendants(leader.pid)).filter((d) => !known.has(d.pid));
    if (fresh.length === 0) break;
    for (const d of fresh) known.set(d.pid, d);
    await Promise.all(
      fresh.filter((d) => d.pgid !== leader.pid).map((d) => signalVerified(d, "SIGSTOP"))
    );
  }
  return [...known.values()];
}
async function escalate(leader, tree, timeoutMs, steps) {
  let survivors = await waitGone(tree, timeoutMs);
  if (survivors.length > 0) {
    steps.push(
      `still running after ${timeoutMs} ms: SIGKILL to ${survivors.map((s) => s.pid).join(", ")}`
    );
    await forceKill(leader, survivors);
    survivors = await waitGone(survivors, 2e3);
  }
  return { steps, survivors };
}
async function forceKill(leader, refs) {
  if (process.platform === "win32") {
    await run2("taskkill", ["/PID", String(leader.pid), "/T", "/F"], { windowsHide: true }).catch(
      () => {
      }
    );
  } else if (await isSameProcess(leader)) {
    signalGroup(leader.pid, "SIGKILL");
  }
  await Promise.all(refs.map((r) => signalVerified(r, "SIGKILL")));
}
async function terminateEach(refs, timeoutMs) {
  const steps = [];
  const live = (await Promise.all(refs.map(async (r) => await isSameProcess(r) ? r : null))).filter((r) => r !== null);
  if (live.length === 0) return { steps, survivors: [] };
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

// ../core/src/util/redact.ts
var SECRET_NAME = /(?:^|[_-])(?:KEY|TOKEN|SECRET|CREDENTIALS?)$|PASS(?:WORD|WD)$/i;
var MIN_SECRET_LENGTH = 6;
function secretValues(...envs) {
  const values = /* @__PURE__ */ new Set();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (!value || !SECRET_NAME.test(name)) continue;
      for (const part of [value, ...value.split(/\r?\n/)].map((v) => v.trim()))
        if (part.length >= MIN_SECRET_LENGTH) values.add(part);
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
  const { execa } = await import("./execa-5YVE4HVE.js");
  const began = performance.now();
  const [file, ...args] = argv;
  const shown = formatCommand(argv);
  const timeout = profile.stop.timeoutMs + STOP_COMMAND_GRACE_MS;
  const result = await execa(file, args, {
    reject: false,
    timeout,
    forceKillAfterDelay: 1e3,
    stdin: "ignore",
    all: true,
    cwd: profile.start?.cwd,
    env: commandEnv(profile)
  });
  const ms = Math.round(performance.now() - began);
  if (result.timedOut) return { steps: [`${shown} hung for ${timeout} ms and was killed`], ms };
  if (result.failed && result.exitCode === void 0)
    return { steps: [`${shown} could not run: ${result.shortMessage}`], ms };
  const last = redact(
    String(result.all ?? "").trim().split("\n").at(-1) ?? ""
  );
  return {
    steps: [`${shown} exited ${result.exitCode}${last ? ` (${last.slice(0, 200)})` : ""}`],
    ms
  };
}
export {
  stopStack
};
