/**
 * Process identity: a pid plus that process's start time, so a reused pid is never taken for
 * the process we recorded. A zombie counts as dead (`kill(pid, 0)` succeeds on one, and in a
 * container without an init it may never be reaped).
 *
 * A check has three answers: alive (the very process recorded), dead (gone, a zombie, or the
 * pid now names another process), or unknown (the check itself failed: `ps` could not run,
 * /proc gave EMFILE or EACCES). Every caller picks the safe side of unknown: a signal needs
 * "alive", reaping a lease or breaking a lock needs "dead".
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readSmallFile } from '../util/small-file.js';

const run = promisify(execFile);
/** `ps` and PowerShell answer in milliseconds; one that hangs must not hold a lock with it. */
const TOOL_TIMEOUT_MS = 10_000;

export interface ProcessRef {
  readonly pid: number;
  /**
   * Opaque, compared for equality only: clock ticks since boot (Linux), `lstart` read in UTC
   * (macOS), FILETIME (Windows).
   */
  readonly startTime: string;
}

export type Liveness = 'alive' | 'dead' | 'unknown';

/** What is known of a pid now. */
export type PidState =
  | { readonly state: 'alive'; readonly ref: ProcessRef }
  /** No such process, or a zombie. */
  | { readonly state: 'dead' }
  | { readonly state: 'unknown'; readonly reason: string };

const DEAD: PidState = { state: 'dead' };
const unknown = (reason: string): PidState => ({ state: 'unknown', reason });

function readLinux(pid: number): PidState {
  let stat: string | null;
  try {
    stat = readSmallFile(`/proc/${pid}/stat`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ESRCH: it exited while being read.
    return code === 'ESRCH' ? DEAD : unknown(`cannot read /proc/${pid}/stat (${code})`);
  }
  if (stat === null) return DEAD;
  // The name (field 2) may hold spaces and parentheses: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
  const startTime = fields[19];
  if (!startTime) return unknown(`unexpected /proc/${pid}/stat`);
  if (fields[0] === 'Z' || fields[0] === 'X') return DEAD;
  return { state: 'alive', ref: { pid, startTime } };
}

/**
 * The environment `ps` runs with: `lstart` is local time, so two processes in different time
 * zones (or one across a DST change) would disagree about the same process. In UTC and the C
 * locale its text is the same for everyone.
 */
export const psEnv = (): NodeJS.ProcessEnv => ({ ...process.env, LC_ALL: 'C', TZ: 'UTC' });

/** A `ps -o lstart=` value as compared: its words joined by single spaces. */
export const normalizeLstart = (words: readonly string[]): string => words.join(' ');

async function readPs(pid: number): Promise<PidState> {
  try {
    const { stdout } = await run('ps', ['-o', 'stat=,lstart=', '-p', String(pid)], {
      env: psEnv(),
      timeout: TOOL_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    const [state = '', ...rest] = stdout.trim().split(/\s+/);
    if (!state) return DEAD;
    if (rest.length === 0) return unknown(`unexpected ps output for pid ${pid}`);
    return state.startsWith('Z')
      ? DEAD
      : { state: 'alive', ref: { pid, startTime: normalizeLstart(rest) } };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    // ps exits 1, saying nothing, when the pid does not exist; any other failure tells nothing.
    if (e.code === 1 && !e.stdout?.trim() && !e.stderr?.trim()) return DEAD;
    return unknown(`ps failed (${e.stderr?.trim() || e.code})`);
  }
}

async function readWindows(pid: number): Promise<PidState> {
  try {
    const { stdout } = await run(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        // Prints nothing (and succeeds) when there is no such process.
        `$p = Get-Process -Id ${pid} -ErrorAction SilentlyContinue; if ($p) { $p.StartTime.ToFileTimeUtc() }`,
      ],
      { windowsHide: true, timeout: TOOL_TIMEOUT_MS },
    );
    const startTime = stdout.trim();
    return startTime ? { state: 'alive', ref: { pid, startTime } } : DEAD;
  } catch (error) {
    return unknown(`powershell failed (${(error as Error).message})`);
  }
}

/** What is known of `pid` now: its identity, dead, or that it could not be checked. */
export async function inspectPid(pid: number): Promise<PidState> {
  if (!Number.isInteger(pid) || pid <= 0) return DEAD;
  if (process.platform === 'linux') return readLinux(pid);
  return process.platform === 'win32' ? readWindows(pid) : readPs(pid);
}

/** The identity of a live process; null if it is dead or could not be checked. */
export async function processRef(pid: number): Promise<ProcessRef | null> {
  const found = await inspectPid(pid);
  return found.state === 'alive' ? found.ref : null;
}

/** Is `ref` still the very process recorded? `dead` also when its pid now names another process. */
export async function liveness(ref: ProcessRef): Promise<Liveness> {
  const found = await inspectPid(ref.pid);
  if (found.state === 'alive') return found.ref.startTime === ref.startTime ? 'alive' : 'dead';
  return found.state;
}

/** Proven to be the recorded process, alive: the only answer that allows a signal. */
export async function isSameProcess(ref: ProcessRef): Promise<boolean> {
  return (await liveness(ref)) === 'alive';
}

/** Proven gone (or a zombie, or its pid reused): the only answer that allows reaping its lease or lock. */
export async function isProvenDead(ref: ProcessRef): Promise<boolean> {
  return (await liveness(ref)) === 'dead';
}

let self: Promise<ProcessRef> | undefined;

/** This process's identity (read once). */
export function selfRef(): Promise<ProcessRef> {
  self ??= inspectPid(process.pid).then((found) => {
    if (found.state !== 'alive')
      throw new Error(
        `Cannot read this process's own start time (pid ${process.pid})` +
          (found.state === 'unknown' ? `: ${found.reason}` : ''),
      );
    return found.ref;
  });
  return self;
}
