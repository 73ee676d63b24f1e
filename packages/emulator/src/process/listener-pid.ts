import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { OwnProcess } from './terminate.js';

/**
 * Which of `candidates` listens on TCP `port` (daemon.go's `lsof -t -i :PORT -sTCP:LISTEN`,
 * limited to processes the emulator started). Linux: /proc/net/tcp{,6} give the socket's
 * inode, /proc/<pid>/fd the owner.
 */
export function listenerAmong(port: number, candidates: readonly OwnProcess[]): OwnProcess | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      // State 0A is LISTEN; the local address ends in the port, in hex.
      if (local === undefined || fields[3] !== '0A') continue;
      if (Number.parseInt(local.split(':')[1] ?? '', 16) === port && fields[9])
        inodes.add(fields[9]);
    }
  }
  for (const candidate of candidates) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${candidate.pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${candidate.pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '')) return candidate;
      } catch {
        // closed while we looked
      }
    }
  }
  return null;
}
