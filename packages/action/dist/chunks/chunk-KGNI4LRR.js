import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import {
  inspectPid,
  isProvenDead,
  isSameProcess,
  liveness,
  readSmallFile,
  removeSmallFile,
  replaceSmallFile,
  runBounded,
  selfRef,
  signalVerified,
  sleep,
  terminateEach,
  terminateTree,
  writeSmallFile
} from "./chunk-SRON7RN6.js";
import {
  ProfileError,
  ServerUnavailableError,
  StateDirError,
  commandEnv,
  componentPidFile,
  isProfile,
  sealProfile,
  toProfile
} from "./chunk-FWPJQ4EM.js";
import {
  HttpClient,
  getInput,
  getState,
  info,
  saveState,
  setFailed,
  setSecret,
  warning
} from "./chunk-IHW3RN5P.js";
import {
  DEFAULT_PROBE_TIMEOUT_MS,
  connect,
  parseAddress,
  probeTcp
} from "./chunk-GJK5TSV3.js";

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

// src/cache/cache-store.ts
async function cacheStore() {
  const dir = process.env.STIGMER_ACTION_CACHE_DIR;
  if (dir) {
    const { DirectoryCacheStore } = await import("./directory-cache-store-ZHGOJDVW.js");
    return new DirectoryCacheStore(dir);
  }
  const { GitHubCacheStore } = await import("./github-cache-store-AZDQONAK.js");
  return new GitHubCacheStore();
}

// src/cache/caches.ts
import { readdir } from "node:fs/promises";
async function restoreEntries(store, entries) {
  if (entries.length === 0) return [];
  if (!store.available()) {
    info(`${store.name} is not available on this runner: nothing restored or saved.`);
    return [];
  }
  const misses = [];
  for (const entry of entries) {
    try {
      if (await store.restore(entry.paths, entry.key)) {
        info(`Restored ${entry.name} from the ${store.name} (key ${entry.key}).`);
        continue;
      }
      info(`No cache for ${entry.name} (key ${entry.key}): it will be saved in post.`);
    } catch (error) {
      warning(`Restoring ${entry.name} from the ${store.name} failed: ${message(error)}`);
    }
    misses.push(entry);
  }
  return misses;
}
async function saveEntries(store, entries) {
  for (const entry of entries) {
    try {
      if (!await hasContent(entry.paths)) {
        info(`Not saving ${entry.name}: ${entry.paths.join(", ")} is missing or empty.`);
        continue;
      }
      const saved = await store.save(entry.paths, entry.key);
      info(
        saved ? `Saved ${entry.name} to the ${store.name} (key ${entry.key}).` : `${entry.name} not saved: key ${entry.key} exists or another job is saving it.`
      );
    } catch (error) {
      warning(`Saving ${entry.name} to the ${store.name} failed: ${message(error)}`);
    }
  }
}
async function hasContent(paths) {
  for (const p of paths) {
    const names = await readdir(p).catch(() => []);
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
  leaseId: "lease-id",
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
var setBin = (path9) => saveState(KEYS.bin, path9);
var setVersion = (tag) => saveState(KEYS.version, tag);
function cacheMisses() {
  return parseJson(getState(KEYS.cacheMisses)) ?? [];
}
var setCacheMisses = (entries) => saveState(KEYS.cacheMisses, JSON.stringify(entries));
var leaseId = () => getState(KEYS.leaseId) || null;
var setLeaseId = (id) => saveState(KEYS.leaseId, id);
var configPath = () => getState(KEYS.configPath) || null;
var setConfigPath = (path9) => saveState(KEYS.configPath, path9);
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

// ../core/dist/stack/log-tail.js
import { open } from "node:fs/promises";

// ../core/dist/util/redact.js
var SECRET_NAME = /(^|_)(API_KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;
var MIN_SECRET_LENGTH = 6;
function secretValues(...envs) {
  const values = /* @__PURE__ */ new Set();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (value && value.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name))
        values.add(value);
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

// ../core/dist/stack/log-tail.js
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
async function readLogTails(logs, lines = DEFAULT_TAIL_LINES) {
  const entries = Object.entries(logs).flatMap(([component, files]) => files.map((file) => ({ component, file })));
  return Promise.all(entries.map(async ({ component, file }) => {
    const tail = await tailFile(file, lines);
    return { component, file, ...tail };
  }));
}
function formatLogTails(tails) {
  return tails.map((t) => {
    const head = `--- ${t.component}: ${t.file}`;
    if (t.missing)
      return `${head} (no such file)`;
    if (t.lines.length === 0)
      return `${head} (empty)`;
    return `${head} (last ${t.lines.length} lines)
${t.lines.map((l) => `  ${redact(l)}`).join("\n")}`;
  }).join("\n");
}

// ../core/dist/state/leases.js
import { randomUUID } from "node:crypto";
async function newLease(kind = { kind: "process" }, now = Date.now()) {
  const id = randomUUID();
  if (kind.kind === "explicit") {
    return {
      id,
      createdAt: now,
      holder: null,
      expiresAt: kind.ttlMs ? now + kind.ttlMs : null,
      label: kind.label ?? "explicit"
    };
  }
  const me = await selfRef();
  return { id, createdAt: now, holder: me, expiresAt: null, label: kind.label ?? `pid ${me.pid}` };
}
async function isLeaseAlive(lease, now = Date.now()) {
  if (lease.holder === null)
    return lease.expiresAt === null || lease.expiresAt > now;
  return !await isProvenDead(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

// ../core/dist/state/lock.js
import { randomUUID as randomUUID2 } from "node:crypto";
import { linkSync, statSync, watch } from "node:fs";
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
  const token = randomUUID2();
  const content = JSON.stringify({ pid: me.pid, startTime: me.startTime, token });
  const staged = `${lockPath}.${token}.tmp`;
  writeSmallFile(staged, content);
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 3e5);
  let noticed = false;
  let pause = 1;
  let changes;
  try {
    for (; ; ) {
      const seen = changes?.count ?? 0;
      if (place(staged, lockPath, content)) {
        return async () => {
          if (readSmallFile(lockPath) === content)
            removeSmallFile(lockPath);
        };
      }
      const raw = readSmallFile(lockPath);
      if (raw === null)
        continue;
      const holder = parseHolder(raw);
      const state = holder ? await liveness(holder) : isYoung(lockPath) ? "alive" : "dead";
      if (state === "dead") {
        await breakStale(lockPath, raw, staged, content);
        continue;
      }
      if (holder && !noticed && Date.now() - started > WAIT_NOTICE_MS) {
        noticed = true;
        options.onWait?.(holder);
      }
      if (Date.now() > deadline) {
        throw new LockTimeoutError(`Timed out after ${Math.round((Date.now() - started) / 1e3)} s waiting for the lock ${lockPath}` + (holder ? `, held by pid ${holder.pid} (${state === "alive" ? "alive" : "could not check whether it is alive"})` : "") + ". Another stigmer-e2e run is busy with this stack (a long stop?); retry when it is done.");
      }
      changes ??= watchLock(dir);
      await changes.after(seen, pause, options.signal);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
  } finally {
    changes?.close();
    removeSmallFile(staged);
  }
}
function watchLock(dir) {
  let count = 0;
  let wake;
  let watcher;
  try {
    watcher = watch(dir, (_, file) => {
      if (file && file !== LOCK_FILE)
        return;
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
      if (count > seen)
        return;
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
function place(staged, target, content) {
  try {
    linkSync(staged, target);
    return true;
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST")
      return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS")
      throw error;
  }
  try {
    writeSmallFile(target, content, { exclusive: true });
    return true;
  } catch (error) {
    if (error.code === "EEXIST")
      return false;
    throw error;
  }
}
async function breakStale(lockPath, staleContent, staged, content) {
  const breakPath = `${lockPath}.break`;
  if (!place(staged, breakPath, content)) {
    const raw = readSmallFile(breakPath);
    const breaker = raw === null ? null : parseHolder(raw);
    if (raw !== null && (breaker ? await isProvenDead(breaker) : !isYoung(breakPath))) {
      removeSmallFile(breakPath);
    } else {
      await sleep(1);
    }
    return;
  }
  try {
    if (readSmallFile(lockPath) === staleContent)
      removeSmallFile(lockPath);
  } finally {
    removeSmallFile(breakPath);
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
function isYoung(file) {
  try {
    return Date.now() - statSync(file).mtimeMs < GARBAGE_GRACE_MS;
  } catch {
    return false;
  }
}

// ../core/dist/state/state-file.js
import { randomBytes } from "node:crypto";
import { access, chmod, constants, mkdir, rename, stat } from "node:fs/promises";
import path2 from "node:path";

// ../core/dist/state/state.js
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

// ../core/dist/state/state-file.js
var STATE_FILE = "state.json";
function prepareStateDir(dir) {
  let prepared = preparedDirs.get(dir);
  if (!prepared) {
    prepared = prepare(dir);
    preparedDirs.set(dir, prepared);
    prepared.catch(() => preparedDirs.delete(dir));
  }
  return prepared;
}
var preparedDirs = /* @__PURE__ */ new Map();
async function prepare(dir) {
  try {
    await mkdir(dir, { recursive: true, mode: 448 });
    await mkdir(path2.join(dir, "logs"), { recursive: true, mode: 448 });
    const info2 = await stat(dir);
    if (!info2.isDirectory())
      throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    await access(dir, constants.W_OK | constants.R_OK);
    if (process.platform !== "win32" && (info2.mode & 63) !== 0)
      await chmod(dir, 448);
  } catch (error) {
    const code = error.code ?? "error";
    throw new StateDirError(`Cannot use the state dir ${dir} (${code}: ${error.message}). It must be a directory this user can write; fix its permissions, or point the profile elsewhere with \`stateDir\`.`, { cause: error });
  }
}
async function readState(dir, { repair = true } = {}) {
  const file = path2.join(dir, STATE_FILE);
  const raw = readSmallFile(file);
  if (raw === null)
    return { state: EMPTY_STATE, warning: null };
  try {
    const parsed = JSON.parse(raw);
    if (isState(parsed))
      return { state: parsed, warning: null };
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
  replaceSmallFile(file, temp, `${JSON.stringify(state, null, 2)}
`);
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

// ../core/dist/stack/identity.js
async function readIdentity(profile) {
  const entries = await Promise.all(profile.components.map(async (component) => {
    const file = componentPidFile(component);
    const read = file ? await readPidFile(file) : null;
    return read?.kind === "alive" ? { component: component.name, ...read.process } : null;
  }));
  return entries.filter((e) => e !== null);
}

// ../core/dist/stack/logger.js
var silentLogger = { info() {
}, warn() {
} };

// ../core/dist/probe/run-probe.js
var load = {
  grpc: () => import("./grpc-health-K6ONOMJR.js"),
  http: () => import("./http-W5UXFFIX.js"),
  command: () => import("./command-OOAZAK4C.js"),
  docker: () => import("./docker-JGRPCHSL.js")
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

// ../core/dist/stack/ports-free.js
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

// ../core/dist/stack/stop.js
var PORTS_FREE_TIMEOUT_MS = 5e3;
var STOP_COMMAND_GRACE_MS = 5e3;
async function stopStack(profile, owner) {
  const started = performance.now();
  const steps = [];
  const problems = [];
  let commandMs = null;
  if (owner.mode === "process") {
    if (owner.process) {
      const result2 = await terminateTree(owner.process, profile.stop.signal, profile.stop.timeoutMs);
      steps.push(...result2.steps);
      problems.push(...result2.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
    }
  } else {
    if (owner.phase === "starting" && owner.process && await isSameProcess(owner.process)) {
      const result2 = await terminateTree(owner.process, "SIGTERM", 2e3);
      steps.push(`start command still running: ${result2.steps.join("; ")}`);
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
  if (busy.length === 0 && addresses.length > 0)
    steps.push(`ports free: ${addresses.join(", ")}`);
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
  if (!argv)
    return { steps: [], ms: null };
  const began = performance.now();
  const shown = formatCommand(argv);
  const timeout = profile.stop.timeoutMs + STOP_COMMAND_GRACE_MS;
  const result2 = await runBounded(argv, {
    timeoutMs: timeout,
    cwd: profile.start?.cwd,
    env: commandEnv(profile)
  });
  const ms = Math.round(performance.now() - began);
  if (result2.timedOut)
    return { steps: [`${shown} hung for ${timeout} ms and was killed`], ms };
  if (result2.spawnError)
    return { steps: [`${shown} could not run: ${result2.spawnError}`], ms };
  const last = redact(result2.all.trim().split("\n").at(-1) ?? "");
  const how = result2.signal ? `was killed by ${result2.signal}` : `exited ${result2.exitCode}`;
  return { steps: [`${shown} ${how}${last ? ` (${last.slice(0, 200)})` : ""}`], ms };
}

// ../core/dist/stack/release.js
async function releaseServer(profile, leaseId2, options = {}) {
  const resolved = await toProfile(profile);
  if (!resolved.start)
    return { released: false, stop: null, remaining: 0, usage: null };
  return releaseLease(resolved, leaseId2, options);
}
async function releaseLease(profile, leaseId2, options = {}) {
  const logger = options.logger ?? silentLogger;
  const policy = options.stop ?? "if-owned";
  return withLock(profile.stateDir, async () => {
    const { state, warning: warning2 } = await readState(profile.stateDir);
    if (warning2)
      logger.warn(warning2);
    const released = state.leases.some((l) => l.id === leaseId2);
    const { live } = await partitionLeases(state.leases.filter((l) => l.id !== leaseId2));
    const owner = policy === "always" ? state.owner ?? await unownedAsOwner(profile) : state.owner;
    if (live.length > 0 || !owner || policy === "never") {
      if (live.length === 0 && state.owner && policy === "never")
        logger.info(`${profile.name} left running (stop: never).`);
      await writeState(profile.stateDir, {
        ...state,
        leases: live,
        owner: policy === "never" && live.length === 0 ? null : state.owner
      });
      return { released, stop: null, remaining: live.length, usage: null };
    }
    logger.info(`Stopping ${profile.name}: ${state.owner ? "started by stigmer-e2e" : "stop: always"} and no lease remains.`);
    const stop = await stopStack(profile, owner);
    await writeState(profile.stateDir, { ...state, owner: null, leases: [] });
    if (owner.watchdog)
      await signalVerified(owner.watchdog, "SIGTERM");
    for (const step of stop.steps)
      logger.info(`  ${step}`);
    for (const problem of stop.problems)
      logger.warn(`  ${problem}`);
    return { released, stop, remaining: 0, usage: null };
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
    identity: await readIdentity(profile)
  };
}

// ../core/dist/process/usage.js
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
var run = promisify(execFile);
var TICKS_PER_SECOND = 100;
async function sampleProcess(pid) {
  try {
    if (process.platform === "linux") {
      const stat2 = readFileSync(`/proc/${pid}/stat`, "utf8");
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
      const cpuMs = (Number(fields[11]) + Number(fields[12])) * 1e3 / TICKS_PER_SECOND;
      const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return { rss: rssKiB * 1024, cpuMs };
    }
    if (process.platform === "darwin") {
      const { stdout } = await run("ps", ["-o", "rss=,time=", "-p", String(pid)], {
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
  const span = points.at(-1).at - points[0].at;
  return {
    name,
    pid,
    peakRssMiB: mib(Math.max(...points.map((p) => p.rss))),
    avgRssMiB: mib(points.reduce((n, p) => n + p.rss, 0) / points.length),
    avgCpuPercent: pct((points.at(-1).cpuMs - points[0].cpuMs) / Math.max(1, span) * 100),
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
    const stat2 = readFileSync(`/proc/${pid}/stat`, "utf8");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
    const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
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

// ../core/dist/stack/usage.js
var FIRST_SAMPLE_MS = 500;
function watchUsage(profile) {
  let sampler = null;
  const begin = setTimeout(() => {
    sampler = (async () => {
      const identity = await readIdentity(profile);
      const targets = identity.map((e) => ({
        name: e.component,
        pid: e.pid,
        startTime: e.startTime
      }));
      const { state } = await readState(profile.stateDir, { repair: false });
      if (state.owner?.mode === "process" && state.owner.process)
        targets.push({ name: "server", ...state.owner.process });
      return sampleUsage(targets);
    })();
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
  const targets = (await readIdentity(profile)).map((e) => ({ name: e.component, pid: e.pid }));
  const { state } = await readState(profile.stateDir, { repair: false });
  if (state.owner?.mode === "process" && state.owner.process)
    targets.push({ name: "server", pid: state.owner.process.pid });
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

// ../core/dist/stack/start.js
import { readFile, rm } from "node:fs/promises";
import path4 from "node:path";

// ../core/dist/process/program-path.js
import { existsSync } from "node:fs";
import path3 from "node:path";
import { fileURLToPath } from "node:url";
function programPath(name) {
  const candidates = ["../programs/", "./programs/"].map((dir) => fileURLToPath(new URL(`${dir}${name}.js`, import.meta.url)));
  const fromSources = candidates[0].replace(`${path3.sep}src${path3.sep}`, `${path3.sep}dist${path3.sep}`);
  const found = [...candidates, fromSources].find((file) => existsSync(file));
  if (!found)
    throw new Error(`core's ${name} program is missing (looked in ${candidates[0]}): build @stigmer/e2e-core first.`);
  return found;
}

// ../core/dist/process/spawn-detached.js
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
var SpawnError = class extends Error {
  name = "SpawnError";
};
function cannotStart(argv, code, cwd) {
  const file = argv[0];
  const fix = code === "ENOENT" ? `: "${file}" was not found${cwd ? ` (cwd ${cwd})` : ""}. Install it, put it on PATH, or give its absolute path in the profile` : code === "EACCES" ? `: "${file}" is not executable. Check its permissions` : "";
  return `Cannot start ${formatCommand(argv)}${fix} (${code}).`;
}
var NOT_INHERITED = ["RUNNER_TRACKING_ID"];
function detachedEnv(env) {
  const copy = { ...env };
  for (const name of NOT_INHERITED)
    delete copy[name];
  return copy;
}
async function spawnDetached(argv, options) {
  const [file, ...args] = argv;
  const log = openSync(options.logFile, "w", 384);
  let child;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: detachedEnv(options.env),
      detached: true,
      stdio: ["ignore", log, log],
      windowsHide: true
    });
  } finally {
    closeSync(log);
  }
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) => {
      reject(new SpawnError(cannotStart(argv, error.code ?? error.message, options.cwd), {
        cause: error
      }));
    });
  });
  child.unref();
  return { process: await identify(child, argv), exited };
}
var IDENTIFY_ATTEMPTS = 5;
async function identify(child, argv) {
  let reason = "";
  for (let attempt2 = 0; attempt2 < IDENTIFY_ATTEMPTS; attempt2++) {
    const found = await inspectPid(child.pid);
    if (found.state === "alive")
      return found.ref;
    if (found.state === "dead")
      return { pid: child.pid, startTime: "exited" };
    reason = found.reason;
    await sleep(20 * (attempt2 + 1));
  }
  child.kill("SIGKILL");
  throw new SpawnError(`Started ${formatCommand(argv)} but could not read its identity (${reason}), so it could never be stopped safely: it was killed. Retry; if this persists, check the open-file limit (ulimit -n).`);
}

// ../core/dist/stack/start.js
function startLogFile(profile) {
  return path4.join(profile.stateDir, "logs", profile.start?.mode === "process" ? "server.log" : "start.log");
}
function profileLogs(profile) {
  if (!profile.start)
    return { ...profile.logs };
  const own = profile.start.mode === "process" ? "server" : "start command";
  return { [own]: [startLogFile(profile)], ...profile.logs };
}
var statusFile = (profile) => path4.join(profile.stateDir, "start-status.json");
async function launch(profile) {
  const start = profile.start;
  const options = { cwd: start.cwd, env: commandEnv(profile), logFile: startLogFile(profile) };
  if (start.mode === "process")
    return spawnDetached(start.command, options);
  await rm(statusFile(profile), { force: true });
  const recorder = programPath("exit-recorder");
  return spawnDetached([process.execPath, recorder, statusFile(profile), ...start.command], options);
}
async function readStartStatus(profile) {
  try {
    return JSON.parse(await readFile(statusFile(profile), "utf8"));
  } catch {
    return null;
  }
}
async function startNeverRan(profile) {
  return profile.start?.mode === "daemon" && Boolean((await readStartStatus(profile))?.error);
}
function failedStart(profile, status) {
  const start = profile.start;
  if (status.error)
    return cannotStart(start.command, status.error, start.cwd);
  if (status.code === 0)
    return null;
  const how = status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
  return `the start command ${formatCommand(start.command)} ${how}`;
}
async function watchStart(profile, started, signal) {
  const exit = await started.exited;
  if (profile.start.mode === "process") {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    return `the server process ${formatCommand(profile.start.command)} ${how} before it was ready`;
  }
  const failed = failedStart(profile, await readStartStatus(profile) ?? exit);
  return failed ?? watchComponents(profile, signal);
}
async function watchRecordedStart(profile, owner, signal) {
  const shown = formatCommand(profile.start.command);
  for (; ; ) {
    const alive = owner.process ? !await isProvenDead(owner.process) : false;
    if (owner.mode === "process") {
      if (!alive)
        return `the server process ${shown} exited before it was ready`;
    } else {
      const status = await readStartStatus(profile);
      if (status)
        return failedStart(profile, status) ?? watchComponents(profile, signal);
      if (!alive)
        return `the start command ${shown} ended without recording how (was it killed?)`;
    }
    await sleep(100, signal);
  }
}
async function watchComponents(profile, signal) {
  for (; ; ) {
    for (const component of profile.components) {
      const file = componentPidFile(component);
      const read = file ? await readPidFile(file) : null;
      if (read?.kind === "dead")
        return `${component.name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
    }
    await sleep(100, signal);
  }
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
function probeAll(components) {
  return Promise.all(components.map((c) => probeComponent(c)));
}
function describeNotReady(statuses) {
  return statuses.filter((s) => s.required && !s.ready).map((s) => `${s.name} (${s.detail})`).join(", ");
}

// ../core/dist/profile/stigmer.js
import os from "node:os";
import path5 from "node:path";
var TEMPORAL_SERVICE = "temporal.api.workflowservice.v1.WorkflowService";
var ADDRESS = /^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/;
function stigmer(options = {}) {
  const env = process.env;
  const home = options.home ?? os.homedir();
  const serverAddress = options.serverAddress ?? env.STIGMER_SERVER_ADDR ?? "localhost:7234";
  const temporalAddress = options.temporalAddress ?? env.TEMPORAL_ADDRESS ?? "localhost:7233";
  const problems = [
    ...ADDRESS.test(serverAddress) ? [] : [`serverAddress: expected "host:port", got "${serverAddress}"`],
    ...ADDRESS.test(temporalAddress) ? [] : [`temporalAddress: expected "host:port", got "${temporalAddress}"`],
    ...path5.isAbsolute(home) ? [] : [`home: expected an absolute path, got "${home}"`]
  ];
  if (problems.length > 0)
    throw new ProfileError("Invalid stigmer() options:", problems);
  const required = /* @__PURE__ */ new Set([
    "stigmer-server",
    ...options.require ?? ["temporal", "workflow-runner"]
  ]);
  const stigmerDir = path5.join(home, ".stigmer");
  const data = path5.join(stigmerDir, "data");
  const logs = path5.join(data, "logs");
  const managedTemporal = !options.externalTemporal;
  const components = [
    {
      name: "stigmer-server",
      required: true,
      probe: { tcp: serverAddress },
      pidFile: path5.join(data, "daemon.pid")
    },
    {
      name: "temporal",
      required: required.has("temporal"),
      probe: { grpc: temporalAddress, service: TEMPORAL_SERVICE },
      pidFile: managedTemporal ? path5.join(stigmerDir, "temporal.pid") : null
    },
    {
      name: "workflow-runner",
      required: required.has("workflow-runner"),
      probe: { pidFile: path5.join(data, "workflow-runner.pid") },
      pidFile: null
    },
    {
      name: "agent-runner",
      required: required.has("agent-runner"),
      probe: options.agentRunner === "docker" ? { docker: "stigmer-agent-runner" } : { pidFile: path5.join(data, "agent-runner.pid") },
      pidFile: null
    }
  ];
  const bin2 = options.bin ?? env.STIGMER_E2E_BIN ?? "stigmer";
  const llm = {
    STIGMER_LLM_PROVIDER: options.llm?.provider ?? env.STIGMER_LLM_PROVIDER,
    STIGMER_LLM_MODEL: options.llm?.model ?? env.STIGMER_LLM_MODEL,
    STIGMER_LLM_BASE_URL: options.llm?.baseUrl ?? env.STIGMER_LLM_BASE_URL
  };
  const llmEnv = Object.fromEntries(Object.entries(llm).filter((e) => Boolean(e[1])));
  const cliEnv = {
    ...llmEnv,
    ...options.home ? { HOME: home, USERPROFILE: home } : {},
    TEMPORAL_SERVICE_ADDRESS: managedTemporal ? void 0 : temporalAddress,
    ...options.env
  };
  const logPair = (name) => [
    path5.join(logs, `${name}.log`),
    path5.join(logs, `${name}.err`)
  ];
  return sealProfile({
    name: "stigmer",
    stateDir: options.stateDir ?? path5.join(stigmerDir, "e2e"),
    start: options.external ? null : { command: [bin2, "server"], mode: "daemon", env: cliEnv },
    stop: {
      command: options.external ? null : [bin2, "server", "stop"],
      signal: "SIGTERM",
      timeoutMs: options.stopTimeoutMs ?? 2e4
    },
    components,
    logs: {
      "stigmer-server": logPair("stigmer-server"),
      temporal: logPair("temporal"),
      "workflow-runner": logPair("workflow-runner"),
      "agent-runner": logPair("agent-runner")
    },
    env: {
      STIGMER_SERVER_ADDR: serverAddress,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_SERVICE_ADDRESS: temporalAddress
    },
    readyTimeoutMs: options.readyTimeoutMs ?? 18e4,
    startedWith: Object.keys(llmEnv).length > 0 ? { component: "stigmer-server", env: llmEnv } : null
  });
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
  const { state, warning: warning2 } = await readState(resolved.stateDir, { repair: false });
  const leases = await Promise.all(state.leases.map(async (l) => ({ ...l, alive: await isLeaseAlive(l) })));
  const owner = state.owner ? { ...state.owner, leaseAlive: leases.some((l) => l.id === state.owner.leaseId && l.alive) } : null;
  return {
    ...base,
    owner,
    leases,
    lastFailure: state.lastFailure,
    stateDir: resolved.stateDir,
    warning: warning2
  };
}

// ../core/dist/profile/load-profile.js
import { readFile as readFile2 } from "node:fs/promises";
import path6 from "node:path";
import { pathToFileURL } from "node:url";
async function loadProfile(config) {
  if (config === void 0)
    return stigmer();
  const file = path6.resolve(config);
  const ext = path6.extname(file);
  let spec;
  try {
    if (ext === ".json") {
      spec = JSON.parse(await readFile2(file, "utf8"));
    } else if (ext === ".js" || ext === ".mjs") {
      const mod = await import(pathToFileURL(file).href);
      spec = mod.default;
      if (spec === void 0)
        throw new ProfileError(`${config} has no default export: export the server spec with \`export default { name, start, components, ... }\`.`);
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
  if (isProfile(spec))
    return spec;
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new ProfileError(`${config}: expected the default export to be a server spec object, got ${Array.isArray(spec) ? "an array" : typeof spec}.`);
  }
  const { defineServer: defineServer2 } = await import("./define-server-QMTXZGWR.js");
  return defineServer2(spec, { baseDir: path6.dirname(file), source: config });
}

// ../core/dist/probe/backoff.js
var CAP_MS = { connect: 10, request: 20, spawn: 250 };
function backoffDelay(attempt2, probe) {
  return attempt2 === 0 ? 0 : Math.min(CAP_MS[cost(probe)], 2 ** attempt2);
}
function cost(probe) {
  if ("command" in probe || "docker" in probe)
    return "spawn";
  if ("http" in probe || "grpc" in probe)
    return "request";
  if ("anyOf" in probe) {
    const costs = probe.anyOf.map(cost);
    return costs.includes("spawn") ? "spawn" : costs.includes("request") ? "request" : "connect";
  }
  return "connect";
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
  const watch2 = async (component, index) => {
    for (let attempt2 = 0; ; attempt2++) {
      await sleep(backoffDelay(attempt2, component.probe), signal);
      const status = await probeComponent(component);
      if (signal.aborted)
        return;
      const previous = statuses[index];
      statuses[index] = status;
      if (status.ready !== previous.ready || status.detail !== previous.detail) {
        options.onProgress?.(statuses, elapsed());
      }
      if (status.ready)
        return;
    }
  };
  const required = components.map((c, i) => [c, i]).filter(([c]) => c.required);
  const outcomes = [
    Promise.all(required.map(([c, i]) => watch2(c, i))).then(() => ({ kind: "ready" })),
    sleep(options.timeoutMs, stop.signal).then(() => ({
      kind: "failed",
      reason: `timed out after ${formatSeconds(options.timeoutMs)} waiting for ${describeNotReady(statuses) || "the stack"}`
    }))
  ];
  if (options.failure)
    outcomes.push(options.failure.then((reason) => ({ kind: "failed", reason })));
  let outcome;
  try {
    outcome = await Promise.race(outcomes);
  } finally {
    stop.abort();
  }
  for (const o of outcomes)
    o.catch(() => {
    });
  options.signal?.throwIfAborted();
  await Promise.all(components.map(async (c, i) => {
    if (!c.required || outcome.kind === "failed")
      statuses[i] = await probeComponent(c);
  }));
  return outcome.kind === "ready" ? { ready: true, components: statuses, elapsedMs: elapsed() } : { ready: false, components: statuses, elapsedMs: elapsed(), reason: outcome.reason };
}
function formatSeconds(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}

// ../core/dist/stack/context.js
function waitForStack(ctx, failure, timeoutMs = ctx.timeoutMs) {
  return waitReady(ctx.profile.components, {
    timeoutMs,
    failure,
    ...ctx.options.signal ? { signal: ctx.options.signal } : {},
    ...ctx.options.onProgress ? { onProgress: ctx.options.onProgress } : {}
  });
}
var NEVER = new Promise(() => {
});

// ../core/dist/stack/format.js
function formatComponents(components) {
  const width = Math.max(0, ...components.map((c) => c.name.length));
  return components.map((c) => `  ${c.ready ? "\u2713" : c.required ? "\u2717" : "-"} ${c.name.padEnd(width)}  ${c.detail}${c.required ? "" : " (optional)"}`).join("\n");
}

// ../core/dist/stack/finish.js
function finish(ctx, result2) {
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
    mismatch: result2.mismatch ?? []
  };
  if (result2.outcome === "unavailable" && ctx.policy === "fail") {
    throw new ServerUnavailableError(describeUnavailable(snapshot), snapshot);
  }
  const leaseId2 = result2.leaseId;
  const usage = available && leaseId2 && ctx.options.usage !== false ? watchUsage(profile) : null;
  let releasing;
  return {
    ...snapshot,
    snapshot: () => snapshot,
    release: () => {
      releasing ??= (async () => {
        if (!leaseId2)
          return { released: false, stop: null, remaining: 0, usage: null };
        const summary = await usage?.stop() ?? null;
        return {
          ...await releaseLease(profile, leaseId2, { logger: ctx.logger }),
          usage: summary
        };
      })();
      return releasing;
    }
  };
}
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

// ../core/dist/stack/await-others.js
var FOREIGN_SETTLE_MS = 1e4;
async function awaitOthersStart(ctx, lease, ownerStartedAt, outcome) {
  ctx.logger.info(`${ctx.profile.name} is being started by another run: waiting for it.`);
  const watching = new AbortController();
  const failure = watchOwner(ctx.profile.stateDir, ownerStartedAt, watching.signal).catch(() => NEVER);
  const result2 = await waitOrRelease(ctx, lease, () => waitForStack(ctx, failure)).finally(() => watching.abort());
  if (result2.ready)
    return finish(ctx, { outcome, components: result2.components, leaseId: lease.id });
  const tails = await readLogTails(profileLogs(ctx.profile), ctx.options.logLines ?? DEFAULT_TAIL_LINES);
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  return finish(ctx, {
    outcome: "unavailable",
    reason: result2.reason,
    components: result2.components,
    leaseId: null,
    logTails: tails
  });
}
async function awaitForeign(ctx, lease, reason) {
  const settleMs = Math.min(ctx.timeoutMs, FOREIGN_SETTLE_MS);
  ctx.logger.info(`${ctx.profile.name} is partly running (not started by stigmer-e2e): waiting up to ${formatSeconds(settleMs)} for it.`);
  const result2 = await waitOrRelease(ctx, lease, () => waitForStack(ctx, NEVER, settleMs));
  if (result2.ready)
    return finish(ctx, { outcome: "reused", components: result2.components, leaseId: lease.id });
  await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
  const still = `${reason} After ${formatSeconds(settleMs)}, still not ready: ${describeNotReady(result2.components)}.`;
  return finish(ctx, {
    outcome: "unavailable",
    reason: still,
    components: result2.components,
    leaseId: null
  });
}
async function awaitExternal(ctx) {
  const result2 = await waitForStack(ctx, NEVER);
  return result2.ready ? finish(ctx, { outcome: "external", components: result2.components, leaseId: null }) : finish(ctx, {
    outcome: "unavailable",
    reason: `external stack not ready: ${result2.reason}`,
    components: result2.components,
    leaseId: null
  });
}
async function waitOrRelease(ctx, lease, run3) {
  try {
    return await run3();
  } catch (error) {
    await releaseLease(ctx.profile, lease.id, { logger: ctx.logger });
    throw error;
  }
}
async function watchOwner(dir, startedAt2, signal) {
  for (; ; ) {
    await sleep(200, signal);
    const { state } = await readState(dir, { repair: false });
    if (state.owner?.startedAt !== startedAt2) {
      return state.lastFailure ? `the run that was starting it gave up: ${state.lastFailure.reason}` : "the run that was starting it stopped it";
    }
  }
}

// ../core/dist/stack/await-start.js
async function awaitOwnStart(ctx, lease, owner, failure, outcome) {
  const { profile } = ctx;
  let result2;
  try {
    result2 = await waitForStack(ctx, failure);
  } catch (error) {
    await abandonStart(ctx, lease, owner, `aborted: ${error.message}`);
    throw error;
  }
  if (!result2.ready) {
    const neverRan = await startNeverRan(profile);
    const logs = neverRan ? { "start command": [startLogFile(profile)] } : profileLogs(profile);
    const tails = await readLogTails(logs, ctx.options.logLines ?? DEFAULT_TAIL_LINES);
    await abandonStart(ctx, lease, owner, result2.reason, !neverRan);
    return finish(ctx, {
      outcome: "unavailable",
      reason: result2.reason,
      components: result2.components,
      leaseId: null,
      logTails: tails
    });
  }
  const identity = await readIdentity(profile);
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    if (state.owner?.startedAt === owner.startedAt) {
      await writeState(profile.stateDir, {
        ...state,
        owner: { ...state.owner, phase: "running", identity }
      });
    }
  });
  ctx.logger.info(`${profile.name} is ready after ${(ctx.elapsed() / 1e3).toFixed(1)} s (started by this run; stopped when the last run using it is done).`);
  return finish(ctx, { outcome, components: result2.components, leaseId: lease.id });
}
async function abandonStart(ctx, lease, owner, reason, stop = true) {
  const { profile, logger } = ctx;
  await withLock(profile.stateDir, async () => {
    const { state } = await readState(profile.stateDir);
    const leases = state.leases.filter((l) => l.id !== lease.id);
    if (state.owner?.startedAt !== owner.startedAt) {
      await writeState(profile.stateDir, { ...state, leases });
      return;
    }
    if (stop) {
      logger.info(`Stopping what this run started of ${profile.name}: ${reason}`);
      const report = await stopStack(profile, state.owner);
      for (const line of [...report.steps, ...report.problems])
        logger.info(`  ${line}`);
    }
    await writeState(profile.stateDir, {
      ...state,
      owner: null,
      leases,
      lastFailure: { at: Date.now(), reason }
    });
    if (state.owner.watchdog)
      await signalVerified(state.owner.watchdog, "SIGTERM");
  });
}

// ../core/dist/process/port-owner.js
import { execFile as execFile2 } from "node:child_process";
import { readdir as readdir2, readFile as readFile3, readlink } from "node:fs/promises";
import { promisify as promisify2 } from "node:util";
var run2 = promisify2(execFile2);
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
    const text = await readFile3(table, "utf8").catch(() => "");
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
  for (const entry of await readdir2("/proc")) {
    if (!/^\d+$/.test(entry))
      continue;
    const fds = await readdir2(`/proc/${entry}/fd`).catch(() => []);
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
  const text = process.platform === "linux" ? (await readFile3(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0").join(" ").trim() : (await run2("ps", ["-o", "command=", "-p", String(pid)], TOOL).catch(() => ({ stdout: "" }))).stdout.trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text || "unknown command";
}

// ../core/dist/stack/decide.js
function decide({ owner, liveLeases, starterAlive, statuses }) {
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
      return { kind: "join" };
    }
    if (allReady || owner.phase === "starting" && starterAlive)
      return { kind: "adopt" };
    return { kind: "restart" };
  }
  const foreign = required.filter((s) => s.foreign);
  if (foreign.length > 0) {
    return {
      kind: "unavailable",
      reason: `${foreign.map((s) => `${s.name}: ${s.detail}`).join("; ")}. Nothing was started or stopped; free the port or stop that process.`
    };
  }
  if (allReady)
    return { kind: "reuse" };
  const up = required.filter((s) => s.ready);
  if (up.length > 0) {
    const down = required.filter((s) => !s.ready);
    return {
      kind: "settle",
      reason: `the stack is partly running (${up.map((s) => s.name).join(", ")} up) but ${down.map((s) => `${s.name} is down (${s.detail})`).join(", ")}. It was not started by stigmer-e2e, so nothing was touched; restart it yourself.`
    };
  }
  return { kind: "start" };
}

// ../core/dist/stack/spawn-watchdog.js
import { readFile as readFile4, writeFile } from "node:fs/promises";
import path7 from "node:path";
var PROFILE_FILE = "profile.json";
var mapUnset = (env, to) => env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? to]));
function writeProfileCopy(profile) {
  const start = profile.start && { ...profile.start, env: mapUnset(profile.start.env, null) };
  return writeFile(path7.join(profile.stateDir, PROFILE_FILE), JSON.stringify({ ...profile, start }), {
    mode: 384
  });
}
async function spawnWatchdog(profile, startedAt2) {
  await writeProfileCopy(profile);
  const { process: process2 } = await spawnDetached([globalThis.process.execPath, programPath("watchdog"), profile.stateDir, String(startedAt2)], {
    env: globalThis.process.env,
    logFile: path7.join(profile.stateDir, "logs", "watchdog.log")
  });
  return process2;
}

// ../core/dist/stack/plan.js
async function planUnderLock(ctx) {
  const { profile, logger, options } = ctx;
  const dir = profile.stateDir;
  const { state, warning: warning2 } = await readState(dir);
  if (warning2)
    logger.warn(warning2);
  const [{ live, dead }, statuses] = await Promise.all([
    partitionLeases(state.leases),
    probeAll(profile.components)
  ]);
  if (dead.length > 0)
    logger.info(`Reaped ${dead.length} lease(s) whose holder died: ${dead.map((l) => l.label).join(", ")}.`);
  const ready = statuses.every((s) => !s.required || s.ready);
  const lease = options.resume ? live.find((l) => l.id === options.resume) ?? null : await newLease(options.lease);
  const others = live.filter((l) => l.id !== lease?.id);
  const done = async (plan, held, next = {}) => {
    await writeState(dir, { ...state, leases: held ? [...others, held] : others, ...next });
    return { plan, lease: held, statuses, ready };
  };
  if (!lease) {
    const reason = `lease ${options.resume} is gone (released, expired, or its holder died); ensure again without resuming`;
    return done({ kind: "unavailable", reason }, null);
  }
  const owner = state.owner;
  if (owner && owner.leaseId === lease.id)
    return done({ kind: "own", owner }, lease);
  const starterAlive = owner?.process ? !await isProvenDead(owner.process) : false;
  const decision = decide({ owner, liveLeases: others.length, starterAlive, statuses });
  switch (decision.kind) {
    case "unavailable":
      return done({
        kind: "unavailable",
        reason: `${decision.reason}${await whoHolds(statuses.filter((s) => s.foreign))}`
      }, null);
    case "reuse":
    case "settle":
      return done({ kind: "reuse", settle: decision.kind === "settle" ? decision.reason : null }, lease);
    case "join":
      logger.info(`${profile.name} was started by stigmer-e2e and is in use by ${others.length} other run(s): sharing it.`);
      return done({ kind: "join", ownerStartedAt: owner.startedAt }, lease);
    case "adopt":
      logger.info(`${profile.name} was started by a run that ended without stopping it: adopting it (this run now owns it).`);
      return done({ kind: "adopt", ownerStartedAt: owner.startedAt }, lease, {
        owner: { ...owner, leaseId: lease.id, watchdog: await ensureWatchdog(ctx, owner) }
      });
    case "restart":
    case "start": {
      const adopted = decision.kind === "restart";
      const busy = adopted ? [] : await busyPorts(statuses);
      if (busy.length > 0) {
        const reason = `${busy.map((s) => `${s.address} accepts connections but ${s.name} is not ready (${s.detail})`).join("; ")}. Something else holds the port, or someone is starting the stack: nothing was started.`;
        return done({ kind: "reuse", settle: `${reason}${await whoHolds(busy)}` }, lease);
      }
      if (adopted) {
        logger.info(`${profile.name} was started by a run that died and is no longer whole: stopping what is left, then starting it again.`);
        const report = await stopStack(profile, owner);
        for (const line of [...report.steps, ...report.problems])
          logger.info(`  ${line}`);
      }
      logger.info(`${profile.name} is not running: starting it (${formatCommand(profile.start.command)}).`);
      const record = {
        leaseId: lease.id,
        phase: "starting",
        mode: profile.start.mode,
        startedAt: Date.now(),
        process: null,
        identity: []
      };
      await writeState(dir, {
        ...state,
        owner: record,
        leases: [...others, lease],
        lastFailure: null
      });
      let started;
      try {
        started = await launch(profile);
      } catch (error) {
        const reason = error.message;
        return done({ kind: "unavailable", reason }, null, {
          owner: null,
          lastFailure: { at: Date.now(), reason }
        });
      }
      const owned = { ...record, process: started.process };
      const withWatchdog = { ...owned, watchdog: await ensureWatchdog(ctx, owned) };
      return done({ kind: "start", started, owner: withWatchdog, adopted }, lease, {
        owner: withWatchdog,
        lastFailure: null
      });
    }
  }
}
async function ensureWatchdog(ctx, owner) {
  if (owner.watchdog && await isSameProcess(owner.watchdog))
    return owner.watchdog;
  if (ctx.options.watchdog === false)
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

// ../core/dist/stack/policy.js
function isCI(env = process.env) {
  const value = env.CI;
  return value !== void 0 && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}
function resolvePolicy(choice, env = process.env) {
  return choice ?? (isCI(env) ? "fail" : "skip");
}

// ../core/dist/process/process-env.js
import { readFile as readFile5 } from "node:fs/promises";
async function processEnv(pid) {
  if (process.platform !== "linux")
    return null;
  try {
    const raw = await readFile5(`/proc/${pid}/environ`, "utf8");
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

// ../core/dist/stack/started-with.js
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

// ../core/dist/stack/ensure.js
async function ensureServer(profile = stigmer(), options = {}) {
  const started = performance.now();
  const resolved = await toProfile(profile);
  const ctx = {
    profile: resolved,
    logger: options.logger ?? silentLogger,
    policy: resolvePolicy(options.onUnavailable),
    timeoutMs: options.timeoutMs ?? resolved.readyTimeoutMs,
    options,
    elapsed: () => Math.round(performance.now() - started)
  };
  if (!resolved.start)
    return awaitExternal(ctx);
  return checkSettings(ctx, await ensureOnce(ctx), true);
}
async function checkSettings(ctx, handle, mayRestart) {
  if (!handle.available || handle.outcome === "started" || !ctx.profile.startedWith)
    return handle;
  const mismatch = await settingsMismatch(ctx.profile);
  if (!mismatch || mismatch.length === 0)
    return handle;
  const what = mismatch.join("; ");
  if (handle.owned && mayRestart) {
    const released = await handle.release();
    if (released.stop?.stopped) {
      ctx.logger.info(`${ctx.profile.name} ran with other settings (${what}): stopped it, starting it again.`);
      return checkSettings(ctx, await ensureOnce(ctx), false);
    }
    return handle;
  }
  const choice = ctx.options.onMismatch ?? (isCI() ? "unavailable" : "reuse");
  if (choice === "reuse") {
    ctx.logger.warn(`${ctx.profile.name} is running with other settings: ${what}. Using it anyway (onMismatch: 'reuse').`);
    const snapshot = { ...handle.snapshot(), mismatch };
    return { ...handle, mismatch, snapshot: () => snapshot };
  }
  await handle.release();
  const reason = `${ctx.profile.name} is running with other settings: ${what}. It was not started by this run, so it was left as it is; stop it to get a stack with these settings, or pass onMismatch: 'reuse' (CLI: --on-mismatch reuse) to use it anyway.`;
  return finish(ctx, {
    outcome: "unavailable",
    reason,
    components: handle.components,
    leaseId: null,
    mismatch
  });
}
async function ensureOnce(ctx) {
  const { profile: resolved, options } = ctx;
  await prepareStateDir(resolved.stateDir);
  const { plan, lease, statuses, ready } = await withLock(resolved.stateDir, () => planUnderLock(ctx), {
    ...options.signal ? { signal: options.signal } : {},
    onWait: (holder) => ctx.logger.info(`Waiting for another run (pid ${holder.pid}) that is starting or stopping ${resolved.name}...`)
  });
  if (plan.kind === "unavailable" || !lease) {
    return finish(ctx, {
      outcome: "unavailable",
      reason: plan.kind === "unavailable" ? plan.reason : "no lease",
      components: statuses,
      leaseId: null
    });
  }
  const leaseId2 = lease.id;
  if (plan.kind === "reuse" && !plan.settle) {
    ctx.logger.info(`${resolved.name} is already running (not started by stigmer-e2e): reusing it; it will be left running.`);
    return finish(ctx, { outcome: "reused", components: statuses, leaseId: leaseId2 });
  }
  if (options.wait === false) {
    const outcome = plan.kind === "start" ? plan.adopted ? "adopted" : "started" : plan.kind === "own" ? "started" : plan.kind === "join" ? "joined" : plan.kind === "adopt" ? "adopted" : "reused";
    const reason = `not waited for (wait: false); resume with ensureServer(profile, { resume: '${leaseId2}' })`;
    return finish(ctx, {
      outcome,
      components: statuses,
      leaseId: leaseId2,
      pending: !ready,
      reason: ready ? void 0 : reason
    });
  }
  switch (plan.kind) {
    case "reuse":
      return awaitForeign(ctx, lease, plan.settle);
    case "join":
    case "adopt":
      if (ready)
        return finish(ctx, {
          outcome: plan.kind === "join" ? "joined" : "adopted",
          components: statuses,
          leaseId: leaseId2
        });
      return awaitOthersStart(ctx, lease, plan.ownerStartedAt, plan.kind === "join" ? "joined" : "adopted");
    case "start":
    case "own": {
      const watching = new AbortController();
      const failure = (plan.kind === "start" ? watchStart(resolved, plan.started, watching.signal) : watchRecordedStart(resolved, plan.owner, watching.signal)).catch(() => NEVER);
      const outcome = plan.kind === "start" && plan.adopted ? "adopted" : "started";
      return awaitOwnStart(ctx, lease, plan.owner, failure, outcome).finally(() => watching.abort());
    }
  }
}

// src/stack/profile.ts
import { access as access2 } from "node:fs/promises";
import path8 from "node:path";
function configFile(config) {
  return path8.resolve(process.env.GITHUB_WORKSPACE || process.cwd(), config);
}
async function stackProfile(inputs, options) {
  if (options.configPath) {
    const file = options.configPath;
    const found = await access2(file).then(
      () => true,
      () => false
    );
    if (!found)
      throw new Error(
        `\`config\`: ${file} does not exist. The profile file is read from the repository: run actions/checkout before this step, and give the path relative to the repository root.`
      );
    return loadProfile(file);
  }
  return stigmer({
    ...options.bin ? { bin: options.bin } : {},
    ...inputs.require ? { require: [...inputs.require] } : {},
    // Without the input, stigmer() takes STIGMER_LLM_MODEL from the job's environment.
    ...inputs.llmModel ? { llm: { model: inputs.llmModel } } : {}
  });
}

// src/stack/logger.ts
var actionsLogger = {
  info: (message2) => info(message2),
  warn: (message2) => warning(message2)
};

// src/secrets.ts
var SECRET_VARIABLES = ["ANTHROPIC_API_KEY", "OPENAI_API_KEY"];
function secretValues2(env) {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? "").filter((v) => v !== "");
}
function maskSecrets(env = process.env) {
  for (const value of secretValues2(env)) setSecret(value);
}
function redactSecrets(text, env = process.env) {
  let out = text;
  for (const value of secretValues2(env).sort((a, b) => b.length - a.length))
    out = out.split(value).join("***");
  return out;
}

// src/stage.ts
async function runStage(stage, body) {
  try {
    maskSecrets();
    await body();
  } catch (error) {
    if (stage === "post") warning(`post: ${errorMessage(error)}`);
    else setFailed(errorMessage(error));
  }
}
async function attempt(what, body) {
  try {
    return await body();
  } catch (error) {
    warning(`${what} failed: ${errorMessage(error)}`);
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

export {
  getInputs,
  cacheStore,
  restoreEntries,
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
  leaseId,
  setLeaseId,
  configPath,
  setConfigPath,
  result,
  setResult,
  readLogTails,
  releaseServer,
  stackUsage,
  profileLogs,
  ensureServer,
  serverStatus,
  configFile,
  stackProfile,
  actionsLogger,
  redactSecrets,
  runStage,
  attempt,
  errorMessage
};
