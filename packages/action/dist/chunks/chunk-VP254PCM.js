import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatCommand
} from "./chunk-BOTTUJWC.js";
import {
  isSameProcess,
  processRef,
  selfRef
} from "./chunk-LK6OX7TM.js";
import {
  SpawnError
} from "./chunk-4IFXONDL.js";

// ../core/dist/programs/spawn-watchdog.js
import { writeFile } from "node:fs/promises";
import path2 from "node:path";

// ../core/dist/process/program-path.js
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function programPath(name) {
  const candidates = ["../programs/", "./programs/"].map((dir) => fileURLToPath(new URL(`${dir}${name}.js`, import.meta.url)));
  const fromSources = candidates[0].replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  const found = [...candidates, fromSources].find((file) => existsSync(file));
  if (!found)
    throw new Error(`core's ${name} program is missing (looked in ${candidates[0]}): build @stigmer/e2e-core first.`);
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
async function spawnDetached(argv, options) {
  const [file, ...args] = argv;
  const log = openSync(options.logFile, "w", 384);
  let child;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
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
  const ref = await processRef(child.pid) ?? { pid: child.pid, startTime: "exited" };
  return { process: ref, exited };
}

// ../core/dist/programs/spawn-watchdog.js
var PROFILE_FILE = "profile.json";
async function spawnWatchdog(profile, startedAt) {
  await writeFile(path2.join(profile.stateDir, PROFILE_FILE), JSON.stringify(profile), {
    mode: 384
  });
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
  return isSameProcess(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

export {
  programPath,
  cannotStart,
  spawnDetached,
  PROFILE_FILE,
  spawnWatchdog,
  newLease,
  isLeaseAlive,
  partitionLeases
};
