/**
 * The proof that a process is ours: a random launch id put in the start command's environment,
 * which everything it starts inherits (the real `stigmer` passes its environment on to
 * stigmer-server, Temporal and workflow-runner). A stale pid file naming the user's editor, or a
 * stack a person restarted, carries no such id. Linux reads it from /proc/<pid>/environ; where
 * it cannot be read (another OS, another user's process) the answer is "cannot tell".
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { type ProcessRef, processRef } from './identity.js';

export const LAUNCH_ID_ENV = 'STIGMER_E2E_LAUNCH_ID';

export function newLaunchId(): string {
  return randomUUID();
}

function environOf(pid: number): Buffer | null {
  try {
    return readFileSync(`/proc/${pid}/environ`);
  } catch {
    return null;
  }
}

const NUL = Buffer.from([0]);
/** One whole entry: `\0NAME=value\0` in the environ with a NUL put before its first entry. */
const entry = (launchId: string) => Buffer.from(`\0${LAUNCH_ID_ENV}=${launchId}\0`);

/** True or false when it can be read; null when it cannot be told. */
export function carriesLaunchId(pid: number, launchId: string): boolean | null {
  if (process.platform !== 'linux') return null;
  const environ = environOf(pid);
  if (!environ) return null;
  return Buffer.concat([NUL, environ]).includes(entry(launchId));
}

/** Every live process that carries the launch id (Linux; empty elsewhere). */
export async function processesCarrying(launchId: string): Promise<ProcessRef[]> {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (carriesLaunchId(pid, launchId)) found.push(pid);
  }
  const refs = await Promise.all(found.map((pid) => processRef(pid)));
  return refs.filter((r): r is ProcessRef => r !== null);
}
