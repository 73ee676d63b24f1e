import { setTimeout as sleep } from 'node:timers/promises';
import { isSameProcess } from './identity.js';

/** The real CLI polls every 500 ms between SIGTERM and SIGKILL. */
const STOP_POLL_INTERVAL_MS = 500;
/** After SIGKILL the kernel needs a moment; give up waiting (but report it) after this. */
const KILL_WAIT_MS = 5_000;

export type TerminateResult = 'exited' | 'killed' | 'survived';

/**
 * SIGTERM, poll every 500 ms up to `timeoutMs`, then SIGKILL. Each signal is sent only while the
 * pid still is the process that started at `startTime`, so a reused pid is never touched.
 */
export async function terminate(
  pid: number,
  startTime: string,
  timeoutMs: number,
  onEscalate?: () => void,
): Promise<TerminateResult> {
  const ours = () => isSameProcess(pid, startTime);
  if (!ours()) return 'exited';
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (ours()) {
    if (Date.now() >= deadline) {
      onEscalate?.();
      signal(pid, 'SIGKILL');
      const killDeadline = Date.now() + KILL_WAIT_MS;
      while (ours()) {
        if (Date.now() >= killDeadline) return 'survived';
        await sleep(50);
      }
      return 'killed';
    }
    await sleep(Math.min(STOP_POLL_INTERVAL_MS, Math.max(0, deadline - Date.now())));
  }
  return 'exited';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    // ESRCH: it exited between the check and the signal; anything else is worth reporting.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
