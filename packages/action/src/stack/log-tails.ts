/**
 * The last lines of each component's log, for post. Core has these on a handle that failed in
 * this process; post is another process, and core exports no reader of a profile's logs, so this
 * reads the profile's log files itself (and core's start log, at the path core writes it to).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { LogTail, Profile } from '@stigmer/e2e-core';

const TAIL_BYTES = 256 * 1024;

export function profileLogFiles(profile: Profile): Record<string, readonly string[]> {
  if (!profile.start) return { ...profile.logs };
  const own = profile.start.mode === 'process' ? 'server' : 'start command';
  const file = path.join(
    profile.stateDir,
    'logs',
    profile.start.mode === 'process' ? 'server.log' : 'start.log',
  );
  return { [own]: [file], ...profile.logs };
}

export async function readLogTails(profile: Profile, lines: number): Promise<LogTail[]> {
  const files = Object.entries(profileLogFiles(profile)).flatMap(([component, list]) =>
    list.map((file) => ({ component, file })),
  );
  return Promise.all(
    files.map(async ({ component, file }) => ({ component, file, ...(await tail(file, lines)) })),
  );
}

async function tail(file: string, lines: number): Promise<{ lines: string[]; missing: boolean }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const all = buffer.toString('utf8').split(/\r?\n/);
    if (all.at(-1) === '') all.pop();
    if (size > length) all.shift();
    return { lines: lines > 0 ? all.slice(-lines) : [], missing: false };
  } catch {
    return { lines: [], missing: true };
  } finally {
    await handle?.close();
  }
}
