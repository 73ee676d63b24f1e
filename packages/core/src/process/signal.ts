import { isSameProcess, type ProcessRef } from './identity.js';

/**
 * Sends `signal` to the recorded process only if it is still that process (pid and start time).
 * Returns false when it is gone or the pid now names another process: that one is never signalled.
 */
export async function signalVerified(ref: ProcessRef, signal: NodeJS.Signals): Promise<boolean> {
  if (!(await isSameProcess(ref))) return false;
  try {
    process.kill(ref.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Signals a whole process group (Unix). False when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
