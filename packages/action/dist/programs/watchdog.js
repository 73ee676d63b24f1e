import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  commandEnv,
  componentPidFile,
  sealProfile
} from "../chunks/chunk-SU6RE7TD.js";
import {
  connect,
  parseAddress
} from "../chunks/chunk-5RSCVT5T.js";
import "../chunks/chunk-H2DFVXG4.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/src/programs/watchdog.ts
import { readFile as readFile6 } from "node:fs/promises";
import path3 from "node:path";

// ../core/src/process/identity.ts
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
var run = promisify(execFile);
async function readLinux(pid) {
  let stat3;
  try {
    stat3 = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const fields = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
  const startTime = fields[19];
  if (!startTime) return null;
  return { startTime, zombie: fields[0] === "Z" || fields[0] === "X" };
}
async function readMac(pid) {
  try {
    const { stdout } = await run("ps", ["-o", "stat=,lstart=", "-p", String(pid)], {
      env: { ...process.env, LC_ALL: "C" }
    });
    const line = stdout.trim();
    if (!line) return null;
    const [state = "", ...rest] = line.split(/\s+/);
    return { startTime: rest.join(" "), zombie: state.startsWith("Z") };
  } catch {
    return null;
  }
}
async function readWindows(pid) {
  try {
    const { stdout } = await run(
      "powershell.exe",
      [
        "-NoProfile",
        "-NonInteractive",
        "-Command",
        `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToFileTimeUtc()`
      ],
      { windowsHide: true }
    );
    const startTime = stdout.trim();
    return startTime ? { startTime, zombie: false } : null;
  } catch {
    return null;
  }
}
var readInfo = process.platform === "linux" ? readLinux : process.platform === "win32" ? readWindows : readMac;
async function processRef(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const info = await readInfo(pid);
  return info && !info.zombie ? { pid, startTime: info.startTime } : null;
}
async function isSameProcess(ref) {
  const current = await processRef(ref.pid);
  return current !== null && current.startTime === ref.startTime;
}
var self;
function selfRef() {
  self ??= processRef(process.pid).then((ref) => {
    if (!ref) throw new Error(`Cannot read this process's own start time (pid ${process.pid})`);
    return ref;
  });
  return self;
}

// ../core/src/stack/spawn-watchdog.ts
var PROFILE_FILE = "profile.json";

// ../core/src/probe/pid-file.ts
import { readFile as readFile2 } from "node:fs/promises";
async function readPidFile(file) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch {
    return { kind: "missing" };
  }
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
import { execFile as execFile3 } from "node:child_process";
import { promisify as promisify3 } from "node:util";

// ../core/src/util/sleep.ts
import { setTimeout as delay } from "node:timers/promises";
function sleep(ms, signal) {
  return delay(ms, void 0, signal ? { signal } : void 0);
}

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
import { execFile as execFile2 } from "node:child_process";
import { readdir, readFile as readFile3 } from "node:fs/promises";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
async function parentsLinux() {
  const parents = /* @__PURE__ */ new Map();
  const entries = await readdir("/proc");
  await Promise.all(
    entries.map(async (entry) => {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) return;
      try {
        const stat3 = await readFile3(`/proc/${pid}/stat`, "utf8");
        const [, ppid, pgid] = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
        parents.set(pid, { ppid: Number(ppid), pgid: Number(pgid) });
      } catch {
      }
    })
  );
  return parents;
}
async function parentsPs() {
  const { stdout } = await run2("ps", ["-A", "-o", "pid=,ppid=,pgid="]);
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
var run3 = promisify3(execFile3);
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
  const below = await descendants(leader.pid);
  const tree = [leader, ...below];
  if (process.platform === "win32") {
    await run3("taskkill", ["/PID", String(leader.pid), "/T"], { windowsHide: true }).catch(
      () => {
      }
    );
    steps.push(`taskkill /T pid ${leader.pid}`);
  } else {
    signalGroup(leader.pid, signal);
    const outside = below.filter((d) => d.pgid !== leader.pid);
    await Promise.all(outside.map((d) => signalVerified(d, signal)));
    const inGroup = tree.length - outside.length;
    steps.push(
      `${signal} to process group ${leader.pid} (${inGroup} process${inGroup === 1 ? "" : "es"})` + (outside.length > 0 ? ` and to ${outside.length} descendant(s) outside it (${outside.map((d) => d.pid).join(", ")})` : "")
    );
  }
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
    await run3("taskkill", ["/PID", String(leader.pid), "/T", "/F"], { windowsHide: true }).catch(
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
          durationMs: Math.round(performance.now() - started)
        };
      }
    }
    steps.push(...await runStopCommand(profile));
    const leftovers = await terminateEach(recordedAlive, 2e3);
    if (leftovers.steps.length > 0)
      steps.push(`after the stop command: ${leftovers.steps.join("; ")}`);
    problems.push(...leftovers.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
  }
  const addresses = profile.components.map((c) => probeAddress(c.probe)).filter((a) => a !== null);
  const busy = await waitPortsFree(addresses, PORTS_FREE_TIMEOUT_MS);
  problems.push(...busy.map((a) => `${a} still accepts connections after the stop`));
  if (busy.length === 0 && addresses.length > 0) steps.push(`ports free: ${addresses.join(", ")}`);
  return { stopped: true, steps, problems, durationMs: Math.round(performance.now() - started) };
}
async function runStopCommand(profile) {
  const argv = profile.stop.command;
  if (!argv) return [];
  const { execa } = await import("../chunks/execa-5YVE4HVE.js");
  const [file, ...args] = argv;
  const shown = `\`${argv.join(" ")}\``;
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
  if (result.timedOut) return [`${shown} hung for ${timeout} ms and was killed`];
  if (result.failed && result.exitCode === void 0)
    return [`${shown} could not run: ${result.shortMessage}`];
  const last = redact(
    String(result.all ?? "").trim().split("\n").at(-1) ?? ""
  );
  return [`${shown} exited ${result.exitCode}${last ? ` (${last.slice(0, 200)})` : ""}`];
}

// ../core/src/state/leases.ts
async function isLeaseAlive(lease, now = Date.now()) {
  if (lease.holder === null) return lease.expiresAt === null || lease.expiresAt > now;
  return isSameProcess(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

// ../core/src/state/lock.ts
import { randomUUID } from "node:crypto";
import { watch } from "node:fs";
import { link, readFile as readFile4, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
var LOCK_FILE = "lock";
var GARBAGE_GRACE_MS = 2e3;
var WAIT_NOTICE_MS = 500;
var MAX_POLL_MS = 100;
var LockTimeoutError = class extends Error {
  name = "LockTimeoutError";
};
async function withLock(dir, fn, options = {}) {
  const release = await acquire(dir, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}
async function acquire(dir, options) {
  const lockPath = path.join(dir, LOCK_FILE);
  const me = await selfRef();
  const token = randomUUID();
  const content = JSON.stringify({ pid: me.pid, startTime: me.startTime, token });
  const staged = `${lockPath}.${token}.tmp`;
  await writeFile(staged, content, { mode: 384 });
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 3e5);
  let noticed = false;
  let pause = 1;
  let changes;
  try {
    for (; ; ) {
      const seen = changes?.count ?? 0;
      if (await place(staged, lockPath, content)) {
        return async () => {
          if (await readText(lockPath) === content) await unlink(lockPath).catch(() => {
          });
        };
      }
      const raw = await readText(lockPath);
      if (raw === null) continue;
      const holder = parseHolder(raw);
      const alive = holder ? await isSameProcess(holder) : await isYoung(lockPath);
      if (!alive) {
        await breakStale(lockPath, raw, staged);
        continue;
      }
      if (holder && !noticed && Date.now() - started > WAIT_NOTICE_MS) {
        noticed = true;
        options.onWait?.(holder);
      }
      if (Date.now() > deadline) {
        throw new LockTimeoutError(
          `Timed out after ${Math.round((Date.now() - started) / 1e3)} s waiting for the lock ${lockPath}` + (holder ? `, held by pid ${holder.pid} (alive)` : "") + ". Another stigmer-e2e run is busy with this stack (a long stop?); retry when it is done."
        );
      }
      changes ??= watchLock(dir);
      await changes.after(seen, pause, options.signal);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
  } finally {
    changes?.close();
    await unlink(staged).catch(() => {
    });
  }
}
function watchLock(dir) {
  let count = 0;
  let wake;
  let watcher;
  try {
    watcher = watch(dir, (_, file) => {
      if (file && file !== LOCK_FILE) return;
      count++;
      wake?.();
    });
    watcher.on("error", () => {
    });
  } catch {
  }
  return {
    get count() {
      return count;
    },
    async after(seen, ms, signal) {
      if (count > seen) return;
      const timer = new AbortController();
      const changed = new Promise((resolve) => {
        wake = resolve;
      });
      await Promise.race([
        changed,
        sleep(ms, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal).catch(() => {
        })
      ]);
      timer.abort();
      wake = void 0;
      signal?.throwIfAborted();
    },
    close: () => watcher?.close()
  };
}
async function place(staged, target, content) {
  try {
    await link(staged, target);
    return true;
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
  }
  try {
    await writeFile(target, content, { flag: "wx", mode: 384 });
    return true;
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
}
async function breakStale(lockPath, staleContent, staged) {
  const breakPath = `${lockPath}.break`;
  try {
    await link(staged, breakPath);
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const raw = await readText(breakPath);
    const breaker = raw === null ? null : parseHolder(raw);
    if (raw !== null && (breaker ? !await isSameProcess(breaker) : !await isYoung(breakPath))) {
      await unlink(breakPath).catch(() => {
      });
    } else {
      await sleep(1);
    }
    return;
  }
  try {
    if (await readText(lockPath) === staleContent) await unlink(lockPath).catch(() => {
    });
  } finally {
    await unlink(breakPath).catch(() => {
    });
  }
}
function parseHolder(raw) {
  try {
    const value = JSON.parse(raw);
    if (Number.isInteger(value.pid) && typeof value.startTime === "string" && typeof value.token === "string") {
      return value;
    }
  } catch {
  }
  return null;
}
async function readText(file) {
  try {
    return await readFile4(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function isYoung(file) {
  try {
    return Date.now() - (await stat(file)).mtimeMs < GARBAGE_GRACE_MS;
  } catch {
    return false;
  }
}

// ../core/src/state/state-file.ts
import { randomBytes } from "node:crypto";
import {
  access,
  chmod,
  constants,
  mkdir,
  readFile as readFile5,
  rename,
  stat as stat2,
  unlink as unlink2,
  writeFile as writeFile2
} from "node:fs/promises";
import path2 from "node:path";

// ../core/src/state/state.ts
var EMPTY_STATE = { version: 1, owner: null, leases: [], lastFailure: null };
var isRef = (v) => typeof v === "object" && v !== null && Number.isInteger(v.pid) && typeof v.startTime === "string";
var isLease = (v) => {
  const l = v;
  return typeof v === "object" && v !== null && typeof l.id === "string" && typeof l.createdAt === "number" && (l.holder === null || isRef(l.holder)) && (l.expiresAt === null || typeof l.expiresAt === "number") && typeof l.label === "string";
};
var isOwnership = (v) => {
  const o = v;
  return typeof v === "object" && v !== null && typeof o.leaseId === "string" && (o.phase === "starting" || o.phase === "running") && (o.mode === "daemon" || o.mode === "process") && typeof o.startedAt === "number" && (o.process === null || isRef(o.process)) && (o.watchdog === void 0 || o.watchdog === null || isRef(o.watchdog)) && Array.isArray(o.identity) && o.identity.every((e) => isRef(e) && typeof e.component === "string");
};
function isState(value) {
  const s = value;
  return typeof value === "object" && value !== null && s.version === 1 && (s.owner === null || isOwnership(s.owner)) && Array.isArray(s.leases) && s.leases.every(isLease) && (s.lastFailure === null || typeof s.lastFailure?.reason === "string" && typeof s.lastFailure.at === "number");
}

// ../core/src/state/state-file.ts
var STATE_FILE = "state.json";
async function readState(dir, { repair = true } = {}) {
  const file = path2.join(dir, STATE_FILE);
  let raw;
  try {
    raw = await readFile5(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT")
      return { state: EMPTY_STATE, warning: null };
    throw error;
  }
  try {
    const parsed = JSON.parse(raw);
    if (isState(parsed)) return { state: parsed, warning: null };
  } catch {
  }
  if (!repair) {
    return {
      state: EMPTY_STATE,
      warning: `The state file ${file} is unreadable; the next run moves it aside and starts afresh.`
    };
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside).catch(() => {
  });
  return {
    state: EMPTY_STATE,
    warning: `The state file ${file} was unreadable (truncated or edited); it was moved to ${aside} and a fresh one started. A stack running now is treated as not started by us, so it will be left running.`
  };
}
async function writeState(dir, state) {
  const file = path2.join(dir, STATE_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile2(temp, `${JSON.stringify(state, null, 2)}
`, { mode: 384 });
    await rename(temp, file);
  } catch (error) {
    await unlink2(temp).catch(() => {
    });
    throw error;
  }
}

// ../core/src/programs/watchdog.ts
var POLL_MS2 = 1e3;
var GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5e3);
var log = (message) => {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
};
async function main(stateDir2, startedAt2) {
  const profile = sealProfile(
    JSON.parse(await readFile6(path3.join(stateDir2, PROFILE_FILE), "utf8"))
  );
  log(
    `watching ${profile.name} (started ${new Date(startedAt2).toISOString()}), grace ${GRACE_MS} ms`
  );
  let abandonedSince = null;
  for (; ; ) {
    const { state } = await readState(stateDir2, { repair: false });
    if (state.owner?.startedAt !== startedAt2) return log("ownership released or replaced: exiting");
    const { live } = await partitionLeases(state.leases);
    if (live.length > 0) {
      abandonedSince = null;
    } else if (abandonedSince === null) {
      abandonedSince = Date.now();
      log("no live lease: waiting out the grace period");
    } else if (Date.now() - abandonedSince >= GRACE_MS) {
      await withLock(stateDir2, async () => {
        const { state: now } = await readState(stateDir2);
        if (now.owner?.startedAt !== startedAt2) return;
        if ((await partitionLeases(now.leases)).live.length > 0) return;
        log("every lease holder died without releasing: stopping the stack");
        const report = await stopStack(profile, now.owner);
        for (const line of [...report.steps, ...report.problems]) log(`  ${line}`);
        await writeState(stateDir2, { ...now, owner: null, leases: [] });
      });
      abandonedSince = null;
    }
    await sleep(POLL_MS2);
  }
}
var [stateDir, startedAt] = process.argv.slice(2);
if (!stateDir || !startedAt) {
  process.stderr.write("usage: main.js <stateDir> <startedAt>\n");
  process.exit(2);
}
main(stateDir, Number(startedAt)).then(
  () => process.exit(0),
  (error) => {
    log(`watchdog failed: ${error.stack ?? String(error)}`);
    process.exit(1);
  }
);
