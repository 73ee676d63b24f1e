import { inspectPid, type ProcessRef } from '../process/identity.js';
import { readSmallFile } from '../util/small-file.js';
import type { ProbeResult } from './probe-result.js';

export type PidFileRead =
  | { kind: 'missing' }
  | { kind: 'invalid'; content: string }
  | { kind: 'dead'; pid: number }
  | { kind: 'alive'; process: ProcessRef }
  /** The pid could not be checked (a failing `ps`, EMFILE): neither alive nor dead. */
  | { kind: 'unknown'; pid: number; reason: string };

/** Reads the pid on a pid file's first line (PostgreSQL's postmaster.pid has more lines) and checks it. */
export async function readPidFile(file: string): Promise<PidFileRead> {
  let text: string | null;
  try {
    text = readSmallFile(file);
  } catch {
    text = null; // unreadable counts as missing: we cannot know the pid
  }
  if (text === null) return { kind: 'missing' };
  const first = text.split('\n', 1)[0]!.trim();
  const pid = /^\d+$/.test(first) ? Number(first) : Number.NaN;
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'invalid', content: first.slice(0, 40) };
  const found = await inspectPid(pid);
  if (found.state === 'alive') return { kind: 'alive', process: found.ref };
  return found.state === 'dead'
    ? { kind: 'dead', pid }
    : { kind: 'unknown', pid, reason: found.reason };
}

export async function probePidFile(file: string): Promise<ProbeResult> {
  const read = await readPidFile(file);
  switch (read.kind) {
    case 'missing':
      return { ready: false, detail: `no pid file at ${file}` };
    case 'invalid':
      return {
        ready: false,
        detail: `${file} does not hold a pid (starts with "${read.content}")`,
      };
    case 'dead':
      return { ready: false, detail: `pid ${read.pid} is dead (from ${file})` };
    case 'alive':
      return { ready: true, detail: `pid ${read.process.pid} alive` };
    case 'unknown':
      return { ready: false, detail: `pid ${read.pid} could not be checked: ${read.reason}` };
  }
}
