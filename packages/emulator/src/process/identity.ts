import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What the OS says about one pid, enough to tell "alive and the same process" apart. */
export interface ProcessInfo {
  /** One-letter state (`R`, `S`, `Z`, ...). A zombie (`Z`) is dead for every purpose here. */
  state: string;
  /** Start time: clock ticks since boot on Linux, `ps -o lstart` text elsewhere. */
  startTime: string;
  /** Full command line, arguments joined by spaces. */
  commandLine: string;
}

/** Info for a pid, or null when no such process exists. */
export function readProcessInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return process.platform === 'linux' ? readFromProc(pid) : readFromPs(pid);
}

/** Alive means: exists and is not a zombie (init may reap orphans late, or never in a container). */
export function isAlive(pid: number): boolean {
  const info = readProcessInfo(pid);
  return info !== null && info.state !== 'Z';
}

function readFromProc(pid: number): ProcessInfo | null {
  let stat: string;
  let cmdline: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
  // fields[0] is field 3 (state); field 22 (starttime) is therefore fields[19].
  const state = fields[0];
  const startTime = fields[19];
  if (state === undefined || startTime === undefined) return null;
  return { state, startTime, commandLine: cmdline.split('\0').join(' ').trim() };
}

function readFromPs(pid: number): ProcessInfo | null {
  const ps = (column: string): string | null => {
    try {
      return execFileSync('ps', ['-o', `${column}=`, '-p', String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return null; // ps exits 1 when the pid does not exist
    }
  };
  const state = ps('stat');
  const startTime = ps('lstart');
  const commandLine = ps('command');
  if (!state || !startTime || commandLine === null) return null;
  return { state: state.charAt(0), startTime, commandLine };
}

/** True while `pid` is alive (not a zombie) and started at `startTime`, i.e. not reused. */
export function isSameProcess(pid: number, startTime: string): boolean {
  const info = readProcessInfo(pid);
  return info !== null && info.state !== 'Z' && info.startTime === startTime;
}
