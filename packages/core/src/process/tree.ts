/**
 * Descendants of a process, recorded before signalling: a child may start its own group or
 * session (npm 11 does), so killing the group is not enough; survivors are swept by identity.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type ProcessRef, processRef } from './identity.js';

const run = promisify(execFile);

interface Parentage {
  ppid: number;
  pgid: number;
}

async function parentsLinux(): Promise<Map<number, Parentage>> {
  const parents = new Map<number, Parentage>();
  const entries = await readdir('/proc');
  await Promise.all(
    entries.map(async (entry) => {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) return;
      try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        // After the name: state, ppid, pgrp.
        const [, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(pid, { ppid: Number(ppid), pgid: Number(pgid) });
      } catch {
        // exited while we read
      }
    }),
  );
  return parents;
}

async function parentsPs(): Promise<Map<number, Parentage>> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,pgid=']);
  const parents = new Map<number, Parentage>();
  for (const line of stdout.split('\n')) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== undefined && pgid !== undefined) parents.set(pid, { ppid, pgid });
  }
  return parents;
}

export interface Descendant extends ProcessRef {
  /** Its process group: a descendant outside the leader's group misses a group signal. */
  readonly pgid: number;
}

/** Every live descendant of `rootPid`, with identities (empty on Windows: taskkill /T covers it). */
export async function descendants(rootPid: number): Promise<Descendant[]> {
  if (process.platform === 'win32') return [];
  const parents = process.platform === 'linux' ? await parentsLinux() : await parentsPs();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of parents) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  const refs = await Promise.all(
    found.map(async (pid) => {
      const ref = await processRef(pid);
      return ref ? { ...ref, pgid: parents.get(pid)!.pgid } : null;
    }),
  );
  return refs.filter((r): r is Descendant => r !== null);
}
