/**
 * The state dir's lock between real OS processes: breakers racing a process that has just taken
 * the lock, and a file system without hard links where a crashed holder leaves its lock behind.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holder, LockUser } from './helpers/lock-user.js';
import { waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('lock');
});
afterEach(async () => {
  await temp.remove();
});

/** A lock file naming a process that has exited: stale for everyone. */
async function staleLock(dir: string): Promise<string> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('exit', r));
  const stale = JSON.stringify({ pid: child.pid, startTime: '1', token: 'stale' });
  await writeFile(path.join(dir, 'lock'), stale);
  return stale;
}

describe('the state dir lock across processes', () => {
  it.each([
    ['', []],
    [' (no hard links)', ['link-fails.mjs']],
  ])(
    'two breakers that judged a lock stale never break the lock a third process has just taken%s',
    async (_, links) => {
      const dir = path.join(temp.dir, 'state');
      await mkdir(dir);
      await staleLock(dir);
      const gate = path.join(temp.dir, 'gate');
      const gated = { preload: [...links, 'break-gate.mjs'], env: { BREAK_GATE: gate } };
      const breakers = [1, 2].map(() => new LockUser(['try', dir, '2000'], gated));
      // Both judged the lock stale and stand right before breaking it.
      await waitFor(
        async () =>
          (await readdir(temp.dir)).filter((f) => f.startsWith('gate.waiting.')).length === 2,
        30_000,
        'both breakers at the gate',
      );
      // Meanwhile a third process breaks the stale lock and takes it.
      const third = await holder(dir, { preload: links });
      const taken = await readFile(path.join(dir, 'lock'), 'utf8');
      await writeFile(gate, '');
      for (const breaker of breakers) {
        expect(await breaker.output()).toMatch(
          new RegExp(`^timeout: .*held by pid ${third.ref.pid} \\(alive\\)`),
        );
      }
      expect(await readFile(path.join(dir, 'lock'), 'utf8')).toBe(taken);
      third.user.child.stdin!.end();
      await third.user.line(/^released$/);
    },
  );

  it('without hard links (link fails with EPERM), the lock of a SIGKILLed holder is broken by the next run', async () => {
    const noLinks = { preload: ['link-fails.mjs'] };
    const crashed = await holder(temp.dir, noLinks);
    crashed.user.child.kill('SIGKILL');
    await new Promise((r) => crashed.user.child.once('exit', r));
    expect(JSON.parse(await readFile(path.join(temp.dir, 'lock'), 'utf8'))).toMatchObject({
      pid: crashed.ref.pid,
    });
    expect(await new LockUser(['try', temp.dir, '10000'], noLinks).output()).toBe('acquired');
    expect(await new LockUser(['try', temp.dir, '10000'], noLinks).output()).toBe('acquired');
    expect((await readdir(temp.dir)).filter((f) => f.startsWith('lock'))).toEqual([]);
  });
});
