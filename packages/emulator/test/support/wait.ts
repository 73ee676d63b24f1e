import { setTimeout as sleep } from 'node:timers/promises';
import { canConnect } from '../../src/net/tcp.js';

export { sleep };

/** Polls `check` every 50 ms until it holds or `timeoutMs` passes; returns the last answer. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

/** Waits until host:port accepts TCP; returns whether it did within `timeoutMs`. */
export function waitForPort(host: string, port: number, timeoutMs = 20_000): Promise<boolean> {
  return eventually(() => canConnect(host, port), timeoutMs);
}
