import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readProcessInfo } from './identity.js';

/**
 * Pid files hold only the pid, as the real CLI writes them. Beside each, an identity file
 * (`<pid file>.identity`, JSON) records the process start time and the component script, so
 * that a pid reused by the OS is never mistaken for ours and never signalled.
 */
interface Identity {
  pid: number;
  startTime: string;
  script: string;
}

/** How a pid file relates to a live process. */
export type PidFileState =
  | { kind: 'absent' }
  | { kind: 'ours'; pid: number; startTime: string }
  | { kind: 'dead'; pid: number | null }
  | { kind: 'foreign'; pid: number; reason: string };

function identityFileOf(pidFile: string): string {
  return `${pidFile}.identity`;
}

/** Writes the pid file and its identity file for a process just spawned from `script`. */
export function writePidFile(pidFile: string, pid: number, script: string): void {
  const info = readProcessInfo(pid);
  const identity: Identity = { pid, startTime: info?.startTime ?? '', script };
  // Identity first: a reader that sees the pid file can always check it.
  writeFileSync(identityFileOf(pidFile), `${JSON.stringify(identity)}\n`);
  writeFileSync(pidFile, String(pid));
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
  rmSync(identityFileOf(pidFile), { force: true });
}

/** The pid in a pid file; null when the file is missing or does not hold a pid. */
function readPid(pidFile: string): number | null {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch {
    return null;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Whether the pid file names a live process that this emulator started from `script`. */
export function inspectPidFile(pidFile: string, script: string): PidFileState {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    return { kind: 'absent' };
  }
  const pid = readPid(pidFile);
  if (pid === null) return { kind: 'dead', pid: null }; // garbage in the file: stale
  const info = readProcessInfo(pid);
  if (info === null || info.state === 'Z') return { kind: 'dead', pid };
  const identity = readIdentity(pidFile);
  if (identity === null || identity.pid !== pid) {
    return { kind: 'foreign', pid, reason: `no identity record for pid ${text.trim()}` };
  }
  if (identity.startTime !== info.startTime) {
    return { kind: 'foreign', pid, reason: 'the pid now belongs to another process' };
  }
  if (!info.commandLine.includes(script)) {
    return { kind: 'foreign', pid, reason: `its command line does not run ${script}` };
  }
  return { kind: 'ours', pid, startTime: info.startTime };
}

function readIdentity(pidFile: string): Identity | null {
  try {
    const parsed = JSON.parse(readFileSync(identityFileOf(pidFile), 'utf8')) as Partial<Identity>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startTime !== 'string') return null;
    return { pid: parsed.pid, startTime: parsed.startTime, script: parsed.script ?? '' };
  } catch {
    return null;
  }
}
