/**
 * Which process listens on a TCP port: named in the message when a port that should be the
 * stack's is held by something else. Best effort: Linux reads /proc, macOS asks lsof, others
 * (and processes of other users) give null.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LISTEN = '0A';
/** lsof and ps answer in milliseconds; this is only a best-effort message. */
const TOOL = { timeout: 5_000, killSignal: 'SIGKILL' } as const;

export interface PortOwner {
  readonly pid: number;
  /** The command line, shortened. */
  readonly command: string;
}

export async function portOwner(port: number): Promise<PortOwner | null> {
  try {
    const pid =
      process.platform === 'linux'
        ? await listenerLinux(port)
        : process.platform === 'darwin'
          ? await listenerLsof(port)
          : null;
    return pid ? { pid, command: await commandOf(pid) } : null;
  } catch {
    return null;
  }
}

async function listenerLinux(port: number): Promise<number | null> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port)
        inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  return null;
}

async function listenerLsof(port: number): Promise<number | null> {
  const { stdout } = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-t'], TOOL);
  const pid = Number(stdout.trim().split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function commandOf(pid: number): Promise<string> {
  const text =
    process.platform === 'linux'
      ? (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''))
          .split('\0')
          .join(' ')
          .trim()
      : (
          await run('ps', ['-o', 'command=', '-p', String(pid)], TOOL).catch(() => ({ stdout: '' }))
        ).stdout.trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text || 'unknown command';
}
