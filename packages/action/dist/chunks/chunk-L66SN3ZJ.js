import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readSmallFile,
  replaceSmallFile
} from "./chunk-OWJNM7FF.js";
import {
  StateDirError
} from "./chunk-YYN4WDBH.js";

// ../core/dist/state/state-file.js
import { randomBytes } from "node:crypto";
import { access, chmod, constants, mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";

// ../core/dist/state/state.js
var EMPTY_STATE = { version: 1, owner: null, leases: [], lastFailure: null };
var isRef = (v) => typeof v === "object" && v !== null && Number.isInteger(v.pid) && typeof v.startTime === "string";
var isLease = (v) => {
  const l = v;
  return typeof v === "object" && v !== null && typeof l.id === "string" && typeof l.createdAt === "number" && (l.holder === null || isRef(l.holder)) && (l.expiresAt === null || typeof l.expiresAt === "number") && typeof l.label === "string";
};
var isOwnership = (v) => {
  const o = v;
  return typeof v === "object" && v !== null && typeof o.leaseId === "string" && (o.phase === "starting" || o.phase === "running") && (o.mode === "daemon" || o.mode === "process") && typeof o.startedAt === "number" && (o.launchId === void 0 || typeof o.launchId === "string") && (o.process === null || isRef(o.process)) && (o.watchdog === void 0 || o.watchdog === null || isRef(o.watchdog)) && (o.timeline === void 0 || typeof o.timeline === "object" && o.timeline !== null) && Array.isArray(o.identity) && o.identity.every((e) => isRef(e) && typeof e.component === "string");
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
    await mkdir(path.join(dir, "logs"), { recursive: true, mode: 448 });
    const info = await stat(dir);
    if (!info.isDirectory())
      throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    await access(dir, constants.W_OK | constants.R_OK);
    if (process.platform !== "win32" && (info.mode & 63) !== 0)
      await chmod(dir, 448);
  } catch (error) {
    const code = error.code ?? "error";
    throw new StateDirError(`Cannot use the state dir ${dir} (${code}: ${error.message}). It must be a directory this user can write; fix its permissions, or point the profile elsewhere with \`stateDir\`.`, { cause: error });
  }
}
async function readState(dir, { repair = true } = {}) {
  const file = path.join(dir, STATE_FILE);
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
  const file = path.join(dir, STATE_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  replaceSmallFile(file, temp, `${JSON.stringify(state, null, 2)}
`);
}

export {
  prepareStateDir,
  readState,
  writeState
};
