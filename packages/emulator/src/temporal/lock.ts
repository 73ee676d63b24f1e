import { readFileSync, writeFileSync } from 'node:fs';
import { isSameProcess, readProcessInfo } from '../process/identity.js';

/**
 * `~/.stigmer/temporal.lock`. The real CLI holds an flock on it from the process that started
 * Temporal, so the lock ends when that CLI exits (seconds later) while Temporal runs on. Node
 * has no flock: the emulator writes the holder's pid and start time into the file, and "held"
 * means that process is still alive. Same lifetime, same answers.
 */
export class TemporalLock {
  private held = false;

  constructor(private readonly file: string) {}

  /** Whether a live process (this one included) holds the lock. */
  isLocked(): boolean {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return false;
    }
    const [pid, startTime] = text.trim().split(' ');
    return pid !== undefined && startTime !== undefined && isSameProcess(Number(pid), startTime);
  }

  acquire(): void {
    if (this.isLocked()) {
      throw new Error('Temporal is already running (lock file held by another process)');
    }
    const me = readProcessInfo(process.pid);
    writeFileSync(this.file, `${process.pid} ${me?.startTime ?? ''}\n`);
    this.held = true;
  }

  /** Releases the lock if this process holds it (the real one only unlocks its own fd). */
  release(): void {
    if (!this.held) return;
    writeFileSync(this.file, '');
    this.held = false;
  }
}
