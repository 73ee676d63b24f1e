/**
 * Descendants and process-group members of a process, recorded before signalling: a child may
 * start its own group or session (npm 11 does), so killing the group is not enough; and a
 * wrapper (sh, npm) that exits first leaves its children in its group with no parent of ours.
 * Each entry's identity comes from the same read as its parentage, so a pid reused in between
 * is never taken for the process listed.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readSmallFile } from '../util/small-file.js';
import { normalizeLstart, type ProcessRef, psEnv } from './identity.js';

const run = promisify(execFile);
const PS_TIMEOUT_MS = 10_000;

interface Entry {
  readonly ppid: number;
  readonly pgid: number;
  readonly startTime: string;
  readonly zombie: boolean;
}

function tableLinux(entries: readonly string[]): Map<number, Entry> {
  const table = new Map<number, Entry>();
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string | null = null;
    try {
      stat = readSmallFile(`/proc/${pid}/stat`);
    } catch {
      // exited while we read, or not ours to read: not listed
    }
    if (stat === null) continue;
    // After the name: state, ppid, pgrp, ... starttime (field 22).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, ppid, pgid] = fields;
    const startTime = fields[19];
    if (!startTime) continue;
    table.set(pid, {
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime,
      zombie: state === 'Z' || state === 'X',
    });
  }
  return table;
}

async function tablePs(): Promise<Map<number, Entry>> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,lstart='], {
    env: psEnv(),
    timeout: PS_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const table = new Map<number, Entry>();
  for (const line of stdout.split('\n')) {
    const [pid, ppid, pgid, state = '', ...lstart] = line.trim().split(/\s+/);
    if (!pid || lstart.length === 0) continue;
    table.set(Number(pid), {
      ppid: Number(ppid),
      pgid: Number(pgid),
      startTime: normalizeLstart(lstart),
      zombie: state.startsWith('Z'),
    });
  }
  return table;
}

async function processTable(): Promise<Map<number, Entry>> {
  // Synchronous /proc reads: a few microseconds each, far less than a promise per file.
  return process.platform === 'linux' ? tableLinux(await readdir('/proc')) : tablePs();
}

export interface Descendant extends ProcessRef {
  /** Its process group: a descendant outside the leader's group misses a group signal. */
  readonly pgid: number;
}

/** The live processes below `roots` in `table` (roots excluded). */
function below(table: Map<number, Entry>, roots: readonly number[]): Descendant[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found: Descendant[] = [];
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const pid of children.get(queue.shift()!) ?? []) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      queue.push(pid);
      const entry = table.get(pid)!;
      if (!entry.zombie) found.push({ pid, startTime: entry.startTime, pgid: entry.pgid });
    }
  }
  return found;
}

/**
 * Every live descendant of `rootPid`, with identities. Windows: none are listed (Windows is not
 * supported for started stacks; `taskkill /T` walks the tree itself at the moment it runs).
 */
export async function descendants(rootPid: number): Promise<Descendant[]> {
  if (process.platform === 'win32') return [];
  return below(await processTable(), [rootPid]);
}

/**
 * What a dead group leader left behind: the live members of its process group, and their
 * descendants. They are provably its: the kernel does not hand out a pid as long as a process
 * group of that number exists, so while members with that group live, the number cannot name
 * another process. If a process with the leader's pid but another start time exists, the
 * number was free and reused: nothing found is the leader's.
 */
export async function orphans(leader: ProcessRef): Promise<Descendant[]> {
  if (process.platform === 'win32') return [];
  const table = await processTable();
  const atPid = table.get(leader.pid);
  if (atPid && atPid.startTime !== leader.startTime) return [];
  const members = [...table]
    .filter(([pid, e]) => e.pgid === leader.pid && pid !== leader.pid && !e.zombie)
    .map(([pid, e]) => ({ pid, startTime: e.startTime, pgid: e.pgid }));
  const inGroup = new Set(members.map((m) => m.pid));
  const outside = below(
    table,
    members.map((m) => m.pid),
  ).filter((d) => !inGroup.has(d.pid));
  return [...members, ...outside];
}
