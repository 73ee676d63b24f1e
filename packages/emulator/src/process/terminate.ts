import { setTimeout as sleep } from 'node:timers/promises';
import { isSameProcess } from './identity.js';

/** The real CLI polls every 500 ms between SIGTERM and SIGKILL. */
const STOP_POLL_INTERVAL_MS = 500;

/** A process the emulator started: its pid and the start time that proves it is still that one. */
export interface OwnProcess {
  pid: number;
  startTime: string;
}

/**
 * Sends `name` to the process (or, with `group`, to the process group it leads), only while
 * the pid still is the process that started at `startTime`. Returns whether it was sent.
 */
export function signalOwn(
  target: OwnProcess,
  name: NodeJS.Signals,
  { group = false } = {},
): boolean {
  if (!isSameProcess(target.pid, target.startTime)) return false;
  try {
    process.kill(group ? -target.pid : target.pid, name);
    return true;
  } catch (error) {
    // ESRCH: it exited between the check and the signal; anything else is worth reporting.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    return false;
  }
}

/** Polls every `intervalMs` until `gone` holds or `tries` polls have passed; true if gone. */
export async function pollUntil(
  gone: () => boolean | Promise<boolean>,
  tries: number,
  intervalMs = STOP_POLL_INTERVAL_MS,
): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await gone()) return true;
    await sleep(intervalMs);
  }
  return gone();
}

/** Poll count for a wait of `ms` at the real 500 ms interval (at least one poll). */
export function pollsFor(ms: number): number {
  return Math.max(1, Math.ceil(ms / STOP_POLL_INTERVAL_MS));
}
