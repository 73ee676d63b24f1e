import { spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 100;

/**
 * streamer.go `tailLogFile`: from the current end of `file`, every new line, forever; reopens
 * the file when it is replaced (a restart rotates logs) and rereads it when truncated.
 * `fromStart` reads what is there first (server_logs.go's single-file stream prints the tail
 * itself and then continues from where it read).
 */
export async function followFile(
  file: string,
  onLine: (line: string) => void,
  fromStart = false,
): Promise<never> {
  let fd = openSync(file, 'r');
  let inode = fstatSync(fd).ino;
  let position = fromStart ? 0 : fstatSync(fd).size;
  let pending = '';
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read > 0) {
      position += read;
      pending += buffer.toString('utf8', 0, read);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
      continue;
    }
    await sleep(POLL_MS);
    try {
      const now = statSync(file);
      if (now.ino !== inode) {
        closeSync(fd);
        fd = openSync(file, 'r');
        inode = now.ino;
        position = fstatSync(fd).size;
      } else if (now.size < position) {
        position = 0;
      }
    } catch {
      // replaced right now: try again on the next poll
    }
  }
}

/** streamer.go `tailDockerLogs`: `docker logs -f --tail 0 NAME`, again and again, forever. */
export async function followDocker(
  container: string,
  onLine: (line: string) => void,
): Promise<never> {
  for (;;) {
    await new Promise<void>((resolve) => {
      const child = spawn('docker', ['logs', '-f', '--tail', '0', container], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      createInterface({ input: child.stdout }).on('line', onLine);
      createInterface({ input: child.stderr }).on('line', onLine);
      child.once('error', () => resolve());
      child.once('close', () => resolve());
    });
    await sleep(500);
  }
}
