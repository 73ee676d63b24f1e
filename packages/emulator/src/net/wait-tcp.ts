import { setTimeout as sleep } from 'node:timers/promises';
import { canConnect } from './tcp.js';

/** Polls a TCP dial (each with `dialMs` to answer) every `intervalMs` until it connects. */
export async function waitForTcp(
  host: string,
  port: number,
  timeoutMs: number,
  { dialMs = 100, intervalMs = 100 } = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(host, port, dialMs)) return true;
    await sleep(intervalMs);
  }
  return false;
}
