import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/util/small-file.js
import { readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
function readSmallFile(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT")
      return null;
    throw error;
  }
}
function writeSmallFile(file, text, { exclusive = false } = {}) {
  writeFileSync(file, text, { mode: 384, flag: exclusive ? "wx" : "w" });
}
function replaceSmallFile(file, temp, text) {
  try {
    writeSmallFile(temp, text);
    renameSync(temp, file);
  } catch (error) {
    removeSmallFile(temp);
    throw error;
  }
}
function removeSmallFile(file) {
  try {
    unlinkSync(file);
  } catch {
  }
}

// ../core/dist/process/identity.js
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var TOOL_TIMEOUT_MS = 1e4;
var DEAD = { state: "dead" };
var unknown = (reason) => ({ state: "unknown", reason });
function readLinux(pid) {
  let stat;
  try {
    stat = readSmallFile(`/proc/${pid}/stat`);
  } catch (error) {
    const code = error.code;
    return code === "ESRCH" ? DEAD : unknown(`cannot read /proc/${pid}/stat (${code})`);
  }
  if (stat === null)
    return DEAD;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTime = fields[19];
  if (!startTime)
    return unknown(`unexpected /proc/${pid}/stat`);
  if (fields[0] === "Z" || fields[0] === "X")
    return DEAD;
  return { state: "alive", ref: { pid, startTime } };
}
var psEnv = () => ({ ...process.env, LC_ALL: "C", TZ: "UTC" });
var normalizeLstart = (words) => words.join(" ");
async function readPs(pid) {
  try {
    const { stdout } = await run("ps", ["-o", "stat=,lstart=", "-p", String(pid)], {
      env: psEnv(),
      timeout: TOOL_TIMEOUT_MS,
      killSignal: "SIGKILL"
    });
    const [state = "", ...rest] = stdout.trim().split(/\s+/);
    if (!state)
      return DEAD;
    if (rest.length === 0)
      return unknown(`unexpected ps output for pid ${pid}`);
    return state.startsWith("Z") ? DEAD : { state: "alive", ref: { pid, startTime: normalizeLstart(rest) } };
  } catch (error) {
    const e = error;
    if (e.code === 1 && !e.stdout?.trim() && !e.stderr?.trim())
      return DEAD;
    return unknown(`ps failed (${e.stderr?.trim() || e.code})`);
  }
}
async function readWindows(pid) {
  try {
    const { stdout } = await run("powershell.exe", [
      "-NoProfile",
      "-NonInteractive",
      "-Command",
      // Prints nothing (and succeeds) when there is no such process.
      `$p = Get-Process -Id ${pid} -ErrorAction SilentlyContinue; if ($p) { $p.StartTime.ToFileTimeUtc() }`
    ], { windowsHide: true, timeout: TOOL_TIMEOUT_MS });
    const startTime = stdout.trim();
    return startTime ? { state: "alive", ref: { pid, startTime } } : DEAD;
  } catch (error) {
    return unknown(`powershell failed (${error.message})`);
  }
}
async function inspectPid(pid) {
  if (!Number.isInteger(pid) || pid <= 0)
    return DEAD;
  if (process.platform === "linux")
    return readLinux(pid);
  return process.platform === "win32" ? readWindows(pid) : readPs(pid);
}
async function processRef(pid) {
  const found = await inspectPid(pid);
  return found.state === "alive" ? found.ref : null;
}
async function liveness(ref) {
  const found = await inspectPid(ref.pid);
  if (found.state === "alive")
    return found.ref.startTime === ref.startTime ? "alive" : "dead";
  return found.state;
}
async function isSameProcess(ref) {
  return await liveness(ref) === "alive";
}
async function isProvenDead(ref) {
  return await liveness(ref) === "dead";
}
var self;
function selfRef() {
  self ??= inspectPid(process.pid).then((found) => {
    if (found.state !== "alive")
      throw new Error(`Cannot read this process's own start time (pid ${process.pid})` + (found.state === "unknown" ? `: ${found.reason}` : ""));
    return found.ref;
  });
  return self;
}

// ../core/dist/util/sleep.js
import { setTimeout as delay } from "node:timers/promises";
function sleep(ms, signal) {
  return delay(ms, void 0, signal ? { signal } : void 0);
}

export {
  readSmallFile,
  writeSmallFile,
  replaceSmallFile,
  removeSmallFile,
  psEnv,
  normalizeLstart,
  inspectPid,
  processRef,
  liveness,
  isSameProcess,
  isProvenDead,
  selfRef,
  sleep
};
