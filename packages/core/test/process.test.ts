/**
 * Process identity and termination, on whichever system runs the tests: these are the paths
 * that differ by platform (/proc on Linux, `ps` on macOS, PowerShell and `taskkill` on Windows),
 * so this file uses no Linux-only helper and runs in the macOS and Windows CI jobs too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isSameProcess, processRef } from '../src/process/identity.js';
import { signalVerified } from '../src/process/signal.js';
import { terminateTree } from '../src/process/terminate.js';

const node = (code: string, detached = false): ChildProcess =>
  spawn(process.execPath, ['-e', code], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached,
    windowsHide: true,
  });

const exited = (child: ChildProcess) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', resolve);
  });

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`process identity and termination (${process.platform})`, () => {
  it('knows this process and a child by pid and start time, and a gone child as gone', async () => {
    const me = await processRef(process.pid);
    expect(me?.pid).toBe(process.pid);
    expect(me?.startTime).toBeTruthy();
    const child = node('setTimeout(() => {}, 60_000)');
    const ref = (await processRef(child.pid!))!;
    expect(await isSameProcess(ref)).toBe(true);
    child.kill('SIGKILL');
    await exited(child);
    await until(async () => !(await isSameProcess(ref)));
  });

  it('never signals a pid whose start time is not the recorded one (a reused pid)', async () => {
    const child = node('setTimeout(() => {}, 60_000)');
    const ref = (await processRef(child.pid!))!;
    expect(
      await signalVerified({ pid: ref.pid, startTime: `${ref.startTime}-other` }, 'SIGKILL'),
    ).toBe(false);
    expect(await isSameProcess(ref)).toBe(true);
    expect(await signalVerified(ref, 'SIGKILL')).toBe(true);
    await exited(child);
  });

  it('stops a detached leader and a grandchild that started its own group', async () => {
    // The leader starts a grandchild in a group of its own and prints its pid.
    const leader = node(
      `const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { detached: true, stdio: 'ignore', windowsHide: true });
       console.log(c.pid); setTimeout(() => {}, 60000);`,
      true,
    );
    const grandchildPid = await new Promise<number>((resolve) =>
      leader.stdout!.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    const leaderRef = (await processRef(leader.pid!))!;
    const grandchild = (await processRef(grandchildPid))!;
    expect(grandchild).not.toBeNull();
    const result = await terminateTree(leaderRef, 'SIGTERM', 3_000);
    expect(result.survivors).toEqual([]);
    await until(async () => !(await isSameProcess(grandchild)));
    await exited(leader);
  });
});
