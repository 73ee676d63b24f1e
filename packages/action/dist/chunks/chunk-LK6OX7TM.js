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
async function readLinux(pid) {
  let stat = null;
  try {
    stat = readSmallFile(`/proc/${pid}/stat`);
  } catch {
  }
  if (stat === null)
    return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTime = fields[19];
  if (!startTime)
    return null;
  return { startTime, zombie: fields[0] === "Z" || fields[0] === "X" };
}
async function readMac(pid) {
  try {
    const { stdout } = await run("ps", ["-o", "stat=,lstart=", "-p", String(pid)], {
      env: { ...process.env, LC_ALL: "C" }
    });
    const line = stdout.trim();
    if (!line)
      return null;
    const [state = "", ...rest] = line.split(/\s+/);
    return { startTime: rest.join(" "), zombie: state.startsWith("Z") };
  } catch {
    return null;
  }
}
async function readWindows(pid) {
  try {
    const { stdout } = await run("powershell.exe", [
      "-NoProfile",
      "-NonInteractive",
      "-Command",
      `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToFileTimeUtc()`
    ], { windowsHide: true });
    const startTime = stdout.trim();
    return startTime ? { startTime, zombie: false } : null;
  } catch {
    return null;
  }
}
var readInfo = process.platform === "linux" ? readLinux : process.platform === "win32" ? readWindows : readMac;
async function processRef(pid) {
  if (!Number.isInteger(pid) || pid <= 0)
    return null;
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
    if (!ref)
      throw new Error(`Cannot read this process's own start time (pid ${process.pid})`);
    return ref;
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
  processRef,
  isSameProcess,
  selfRef,
  sleep
};
