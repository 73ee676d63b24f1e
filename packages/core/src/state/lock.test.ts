import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError } from '../errors.js';
import { selfRef } from '../process/identity.js';
import { withLock } from './lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, 'lock');

describe('state dir lock', () => {
  it('serializes holders within one process and leaves nothing behind', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(dir, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('names its holder: pid and start time', async () => {
    const me = await selfRef();
    await withLock(dir, async () => {
      expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({
        pid: me.pid,
        startTime: me.startTime,
      });
    });
  });

  it('breaks a lock whose holder is dead (no waiting out a stale period)', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    await writeFile(lockFile(), JSON.stringify({ pid: child.pid, startTime: '1', token: 'dead' }));
    await withLock(dir, async () => {});
  });

  it('treats a live pid with another start time (a reused pid) as dead', async () => {
    await writeFile(
      lockFile(),
      JSON.stringify({ pid: process.pid, startTime: 'not-mine', token: 'reused' }),
    );
    await withLock(dir, async () => {});
  });

  it('waits for an unreadable lock while it is fresh, then breaks it', async () => {
    await writeFile(lockFile(), 'garbage');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile(), old, old);
    await withLock(dir, async () => {});
  });

  it('gives up on a live holder after the timeout, naming it', async () => {
    const me = await selfRef();
    await writeFile(lockFile(), JSON.stringify({ ...me, token: 'someone-else' }));
    await expect(withLock(dir, async () => {}, { timeoutMs: 200 })).rejects.toThrow(
      LockTimeoutError,
    );
    await expect(withLock(dir, async () => {}, { timeoutMs: 200 })).rejects.toThrow(
      new RegExp(`held by pid ${me.pid} \\(alive\\)`),
    );
  });
});
