import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import {
  inspectPid,
  isProvenDead,
  selfRef,
  sleep
} from "./chunk-OWJNM7FF.js";
import {
  sealProfile
} from "./chunk-CVPLYTV6.js";
import {
  SpawnError
} from "./chunk-YYN4WDBH.js";

// ../core/dist/programs/spawn-watchdog.js
import { readFile, writeFile } from "node:fs/promises";
import path2 from "node:path";

// ../core/dist/process/program-path.js
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function programPath(name) {
  const candidates = ["./programs/", "../programs/"].map((dir) => fileURLToPath(new URL(`${dir}${name}.js`, import.meta.url)));
  const fromSources = candidates[1].replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  const found = [...candidates, fromSources].find((file) => existsSync(file));
  if (!found)
    throw new Error(`core's ${name} program is missing (looked in ${candidates[1]}): build @stigmer/e2e-core first.`);
  return found;
}

// ../core/dist/process/spawn-detached.js
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
var NOT_FOUND_FIX = "Install it, put it on PATH, or give its absolute path in the profile's command";
function cannotStart(argv, code, cwd, notFound = NOT_FOUND_FIX) {
  const file = argv[0];
  const fix = code === "ENOENT" ? `: "${file}" was not found${cwd ? ` (cwd ${cwd})` : ""}. ${notFound}` : code === "EACCES" ? `: "${file}" is not executable. Check its permissions` : "";
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
      reject(new SpawnError(cannotStart(argv, error.code ?? error.message, options.cwd, options.notFound), {
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
  for (let attempt = 0; attempt < IDENTIFY_ATTEMPTS; attempt++) {
    const found = await inspectPid(child.pid);
    if (found.state === "alive")
      return found.ref;
    if (found.state === "dead")
      return { pid: child.pid, startTime: "exited" };
    reason = found.reason;
    await sleep(20 * (attempt + 1));
  }
  child.kill("SIGKILL");
  throw new SpawnError(`Started ${formatCommand(argv)} but could not read its identity (${reason}), so it could never be stopped safely: it was killed. Retry; if this persists, check the open-file limit (ulimit -n).`);
}

// ../core/dist/profile/profile-data.js
var mapUnset = (env, to) => env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? to]));
function profileToData(profile) {
  const start = profile.start && {
    ...profile.start,
    env: mapUnset(profile.start.env, null)
  };
  return JSON.parse(JSON.stringify({ ...profile, start }));
}
function profileFromData(data) {
  const env = mapUnset(data.start?.env, void 0);
  return sealProfile({ ...data, start: data.start && { ...data.start, env } });
}

// ../core/dist/programs/spawn-watchdog.js
var PROFILE_FILE = "profile.json";
function writeProfileCopy(profile) {
  return writeFile(path2.join(profile.stateDir, PROFILE_FILE), JSON.stringify(profileToData(profile)), {
    mode: 384
  });
}
async function readProfileCopy(stateDir) {
  return profileFromData(JSON.parse(await readFile(path2.join(stateDir, PROFILE_FILE), "utf8")));
}
async function spawnWatchdog(profile, startedAt) {
  await writeProfileCopy(profile);
  const { process } = await spawnDetached([globalThis.process.execPath, programPath("watchdog"), profile.stateDir, String(startedAt)], {
    env: globalThis.process.env,
    logFile: path2.join(profile.stateDir, "logs", "watchdog.log")
  });
  return process;
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
  const holder = kind.holder ?? await selfRef();
  return { id, createdAt: now, holder, expiresAt: null, label: kind.label ?? `pid ${holder.pid}` };
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

export {
  programPath,
  cannotStart,
  spawnDetached,
  readProfileCopy,
  spawnWatchdog,
  newLease,
  isLeaseAlive,
  partitionLeases
};
