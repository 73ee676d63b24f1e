/**
 * Process identity under conditions a single process never meets: two processes in different
 * time zones, a check that cannot be made (a failing `ps`, EMFILE on /proc), a zombie. Each
 * case is judged by real processes holding real locks and leases. The macOS path (`ps`) is
 * forced on Linux by a preload (fixtures/as-darwin.mjs); procps `ps` answers it.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSameProcess, type ProcessRef } from '../src/process/identity.js';
import { partitionLeases } from '../src/state/leases.js';
import { withLock } from '../src/state/lock.js';
import type { Lease } from '../src/state/state.js';
import { track } from './helpers/leftovers.js';
import { holder, LockUser } from './helpers/lock-user.js';
import { waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('identity');
});
afterEach(async () => {
  await temp.remove();
});

const darwin = (tz: string, env: NodeJS.ProcessEnv = {}) => ({
  preload: ['as-darwin.mjs'],
  env: { TZ: tz, ...env },
});

/** A `ps` that fails for every process but its caller, as ps does when it cannot fork or read the table. */
async function failingPs(): Promise<string> {
  const bin = path.join(temp.dir, 'bin');
  await mkdir(bin);
  const ps = path.join(bin, 'ps');
  await writeFile(
    ps,
    `#!/bin/sh
for a in "$@"; do last=$a; done
[ "$last" = "$PPID" ] && exec /usr/bin/ps "$@"
echo "ps: fork: Resource temporarily unavailable" >&2
exit 1
`,
  );
  await chmod(ps, 0o755);
  return `${bin}:${process.env.PATH}`;
}

/** A real zombie: `sleep 0.1` whose parent (sh, exec'd into `sleep 100`) never reaps it. */
async function zombie(): Promise<ProcessRef> {
  const parent = track(
    spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 100'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  const pid = Number(
    await new Promise<string>((resolve) => parent.stdout!.once('data', (d) => resolve(String(d)))),
  );
  const stat = async () => {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  };
  await waitFor(async () => (await stat())[0] === 'Z', 10_000, `pid ${pid} to become a zombie`);
  return { pid, startTime: (await stat())[19]! };
}

describe('process identity across processes', () => {
  it('macOS identity is time-zone free: processes in two time zones agree on a lock holder and a lease', async () => {
    const held = await holder(temp.dir, darwin('JST-9'));
    const other = darwin('EST5');
    const breaker = new LockUser(['try', temp.dir, '1500'], other);
    expect(await breaker.output()).toMatch(new RegExp(`^timeout: .*held by pid ${held.ref.pid}`));
    expect(await new LockUser(['lease', JSON.stringify(held.lease)], other).output()).toBe('live');
    held.user.child.stdin!.end();
    expect(await held.user.line(/^released$/)).toBe('released');
  });

  it('could not check is not dead: a failing ps (macOS path) neither breaks a live lock nor reaps its lease', async () => {
    const held = await holder(temp.dir, darwin('UTC'));
    const blind = darwin('UTC', { PATH: await failingPs() });
    const breaker = new LockUser(['try', temp.dir, '1500'], blind);
    expect(await breaker.output()).toMatch(new RegExp(`^timeout: .*held by pid ${held.ref.pid}`));
    expect(await new LockUser(['lease', JSON.stringify(held.lease)], blind).output()).toBe('live');
    held.user.child.stdin!.end();
    await held.user.line(/^released$/);
  });

  it('could not check is not dead: EMFILE on /proc neither breaks a live lock nor reaps its lease', async () => {
    const held = await holder(temp.dir);
    const blind = { preload: ['proc-stat-fails.mjs'] };
    const breaker = new LockUser(['try', temp.dir, '1500'], blind);
    expect(await breaker.output()).toMatch(new RegExp(`^timeout: .*held by pid ${held.ref.pid}`));
    expect(await new LockUser(['lease', JSON.stringify(held.lease)], blind).output()).toBe('live');
    held.user.child.stdin!.end();
    await held.user.line(/^released$/);
  });

  it('a zombie is dead: its lock is broken and its lease reaped (/proc, and the macOS ps path)', async () => {
    const dead = await zombie();
    expect(await isSameProcess(dead)).toBe(false);
    const lease: Lease = { id: 'z', createdAt: 0, holder: dead, expiresAt: null, label: 'z' };
    expect((await partitionLeases([lease])).dead).toEqual([lease]);
    const lockFile = path.join(temp.dir, 'lock');
    const stale = JSON.stringify({ ...dead, token: 'zombie' });
    await writeFile(lockFile, stale);
    let inside: string | null = null;
    await withLock(
      temp.dir,
      async () => {
        inside = await readFile(lockFile, 'utf8');
      },
      { timeoutMs: 10_000 },
    );
    expect(inside).not.toBe(stale);

    // The macOS path reads the same zombie through `ps` (state Z), by its start time as ps gives it.
    const lstart = await new Promise<string>((resolve) =>
      spawn('ps', ['-o', 'lstart=', '-p', String(dead.pid)], {
        env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
      }).stdout!.once('data', (d) => resolve(String(d).trim().split(/\s+/).join(' '))),
    );
    const viaPs = { ...lease, holder: { pid: dead.pid, startTime: lstart } };
    expect(await new LockUser(['lease', JSON.stringify(viaPs)], darwin('UTC')).output()).toBe(
      'dead',
    );
    await writeFile(lockFile, JSON.stringify({ ...viaPs.holder, token: 'zombie' }));
    expect(await new LockUser(['try', temp.dir, '10000'], darwin('UTC')).output()).toBe('acquired');
  });
});
