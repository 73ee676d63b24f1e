/**
 * Process identity: a pid plus that process's start time, so a reused pid is never taken for
 * the process we recorded. A zombie counts as dead (`kill(pid, 0)` succeeds on one, and in a
 * container without an init it may never be reaped).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readSmallFile } from '../util/small-file.js';

const run = promisify(execFile);

export interface ProcessRef {
  readonly pid: number;
  /** Opaque, compared for equality only: clock ticks since boot (Linux), `lstart` (macOS), FILETIME (Windows). */
  readonly startTime: string;
}

interface ProcessInfo {
  startTime: string;
  zombie: boolean;
}

async function readLinux(pid: number): Promise<ProcessInfo | null> {
  let stat: string | null = null;
  try {
    stat = readSmallFile(`/proc/${pid}/stat`);
  } catch {
    // exited while being read
  }
  if (stat === null) return null;
  // The name (field 2) may hold spaces and parentheses: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
  const startTime = fields[19];
  if (!startTime) return null;
  return { startTime, zombie: fields[0] === 'Z' || fields[0] === 'X' };
}

async function readMac(pid: number): Promise<ProcessInfo | null> {
  try {
    const { stdout } = await run('ps', ['-o', 'stat=,lstart=', '-p', String(pid)], {
      env: { ...process.env, LC_ALL: 'C' },
    });
    const line = stdout.trim();
    if (!line) return null;
    const [state = '', ...rest] = line.split(/\s+/);
    return { startTime: rest.join(' '), zombie: state.startsWith('Z') };
  } catch {
    return null; // ps exits 1 when the pid does not exist
  }
}

async function readWindows(pid: number): Promise<ProcessInfo | null> {
  try {
    const { stdout } = await run(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `(Get-Process -Id ${pid} -ErrorAction Stop).StartTime.ToFileTimeUtc()`,
      ],
      { windowsHide: true },
    );
    const startTime = stdout.trim();
    return startTime ? { startTime, zombie: false } : null;
  } catch {
    return null;
  }
}

const readInfo =
  process.platform === 'linux' ? readLinux : process.platform === 'win32' ? readWindows : readMac;

/** The identity of a live process, or null if it does not exist or is a zombie. */
export async function processRef(pid: number): Promise<ProcessRef | null> {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const info = await readInfo(pid);
  return info && !info.zombie ? { pid, startTime: info.startTime } : null;
}

/** True when `ref.pid` is alive and is still the very process that was recorded. */
export async function isSameProcess(ref: ProcessRef): Promise<boolean> {
  const current = await processRef(ref.pid);
  return current !== null && current.startTime === ref.startTime;
}

let self: Promise<ProcessRef> | undefined;

/** This process's identity (read once). */
export function selfRef(): Promise<ProcessRef> {
  self ??= processRef(process.pid).then((ref) => {
    if (!ref) throw new Error(`Cannot read this process's own start time (pid ${process.pid})`);
    return ref;
  });
  return self;
}
