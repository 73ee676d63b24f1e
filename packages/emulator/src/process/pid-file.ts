import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readProcessInfo } from './identity.js';

/**
 * Pid files hold what the real CLI writes (the pid, or for Temporal three lines). Beside each,
 * an identity file (`<pid file>.identity`, JSON) records the process start time and a marker
 * its command line must contain, so that the emulator never signals a pid it did not start
 * (the real CLI signals whatever pid the file names).
 */
interface Identity {
  pid: number;
  startTime: string;
  marker: string;
}

/** How a pid file relates to a live process. */
export type PidFileState =
  | { kind: 'absent' }
  | { kind: 'ours'; pid: number; startTime: string }
  | { kind: 'dead'; pid: number | null }
  | { kind: 'foreign'; pid: number; reason: string };

const identityFileOf = (pidFile: string) => `${pidFile}.identity`;

/**
 * Writes the pid file (`text`, by default the bare pid without newline) and its identity file
 * for a process just spawned whose command line contains `marker`.
 */
export function writePidFile(pidFile: string, pid: number, marker: string, text = String(pid)) {
  const info = readProcessInfo(pid);
  const identity: Identity = { pid, startTime: info?.startTime ?? '', marker };
  // Identity first: a reader that sees the pid file can always check it.
  writeFileSync(identityFileOf(pidFile), `${JSON.stringify(identity)}\n`);
  writeFileSync(pidFile, text);
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
  rmSync(identityFileOf(pidFile), { force: true });
}

/** The pid on the first line of a pid file; null when missing or not a pid. */
export function readPid(pidFile: string): number | null {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Whether the pid file names a live process that the emulator started with `marker`. */
export function inspectPidFile(pidFile: string, marker: string): PidFileState {
  try {
    readFileSync(pidFile);
  } catch {
    return { kind: 'absent' };
  }
  const pid = readPid(pidFile);
  if (pid === null) return { kind: 'dead', pid: null }; // garbage in the file: stale
  const info = readProcessInfo(pid);
  if (info === null || info.state === 'Z') return { kind: 'dead', pid };
  const identity = readIdentity(pidFile);
  if (identity === null || identity.pid !== pid) {
    return { kind: 'foreign', pid, reason: `no identity record for pid ${pid}` };
  }
  if (identity.startTime !== info.startTime) {
    return { kind: 'foreign', pid, reason: 'the pid now belongs to another process' };
  }
  if (!info.commandLine.includes(marker) || identity.marker !== marker) {
    return { kind: 'foreign', pid, reason: `its command line does not run ${marker}` };
  }
  return { kind: 'ours', pid, startTime: info.startTime };
}

function readIdentity(pidFile: string): Identity | null {
  try {
    const parsed = JSON.parse(readFileSync(identityFileOf(pidFile), 'utf8')) as Partial<Identity>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startTime !== 'string') return null;
    return { pid: parsed.pid, startTime: parsed.startTime, marker: parsed.marker ?? '' };
  } catch {
    return null;
  }
}
