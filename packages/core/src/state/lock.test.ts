import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  /** Takes the lock with a bound (a stale lock left in place fails here, not on the test timeout). */
  const takeOver = async (stale: string) => {
    let inside: string | null = null;
    await withLock(
      dir,
      async () => {
        inside = readFileSync(lockFile(), 'utf8');
      },
      { timeoutMs: 10_000 },
    );
    expect(inside).not.toBe(stale);
    expect(JSON.parse(inside!)).toMatchObject({ pid: process.pid });
    expect(await readdir(dir)).toEqual([]);
  };

  it('breaks a lock whose holder is dead (no waiting out a stale period)', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    const stale = JSON.stringify({ pid: child.pid, startTime: '1', token: 'dead' });
    await writeFile(lockFile(), stale);
    await takeOver(stale);
  });

  it('treats a live pid with another start time (a reused pid) as dead', async () => {
    const stale = JSON.stringify({ pid: process.pid, startTime: 'not-mine', token: 'reused' });
    await writeFile(lockFile(), stale);
    await takeOver(stale);
  });

  it('waits for an unreadable lock while it is fresh, then breaks it', async () => {
    // Fresh (modified "now" for as long as the test runs): maybe mid-write, so it is waited for.
    await writeFile(lockFile(), 'garbage');
    const future = new Date(Date.now() + 3_600_000);
    await utimes(lockFile(), future, future);
    await expect(withLock(dir, async () => {}, { timeoutMs: 300 })).rejects.toThrow(
      LockTimeoutError,
    );
    expect(await readFile(lockFile(), 'utf8')).toBe('garbage');
    // Old: nobody is writing it any more, so it is broken.
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile(), old, old);
    await takeOver('garbage');
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
