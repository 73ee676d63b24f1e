/**
 * Descendants of a process, recorded before signalling: a child may start its own group or
 * session (npm 11 does), so killing the group is not enough; survivors are swept by identity.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type ProcessRef, processRef } from './identity.js';

const run = promisify(execFile);

async function parentsLinux(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  const entries = await readdir('/proc');
  await Promise.all(
    entries.map(async (entry) => {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) return;
      try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(pid, ppid);
      } catch {
        // exited while we read
      }
    }),
  );
  return parents;
}

async function parentsPs(): Promise<Map<number, number>> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=']);
  const parents = new Map<number, number>();
  for (const line of stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== undefined) parents.set(pid, ppid);
  }
  return parents;
}

/** Every live descendant of `rootPid`, with identities (empty on Windows: taskkill /T covers it). */
export async function descendants(rootPid: number): Promise<ProcessRef[]> {
  if (process.platform === 'win32') return [];
  const parents = process.platform === 'linux' ? await parentsLinux() : await parentsPs();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
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
  const refs = await Promise.all(found.map(processRef));
  return refs.filter((r): r is ProcessRef => r !== null);
}
