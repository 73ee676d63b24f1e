import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { canConnect } from '../net/tcp.js';

const POLL_INTERVAL_MS = 100;

export type ReadyResult =
  | { ready: true }
  | { ready: false; reason: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { ready: false; reason: 'timeout' };

/**
 * Waits until host:port accepts TCP connections (what the real CLI treats as "up"), or the
 * process exits first, or the timeout passes. Stops polling at once when the process dies.
 */
export async function waitForTcp(
  child: ChildProcess,
  host: string,
  port: number,
  timeoutMs: number,
): Promise<ReadyResult> {
  let exited: ReadyResult | undefined =
    child.exitCode !== null || child.signalCode !== null
      ? { ready: false, reason: 'exited', code: child.exitCode, signal: child.signalCode }
      : undefined;
  child.once('exit', (code, signal) => {
    exited = { ready: false, reason: 'exited', code, signal };
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) return exited;
    // The start command checked the port was free first, so an accept here is our server.
    if (await canConnect(host, port)) return exited ?? { ready: true };
    await sleep(POLL_INTERVAL_MS);
  }
  return exited ?? { ready: false, reason: 'timeout' };
}
