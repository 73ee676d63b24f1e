/**
 * Stopping a tree that is still growing: a start command killed while it launches its
 * components (a job cancelled mid-boot). Each component starts a session of its own, so the
 * group signal misses it and only the list of descendants can reach it: a component started
 * between that list and the signal must not outlive the stop.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type ProcessRef, processRef } from '../src/process/identity.js';
import { signalVerified } from '../src/process/signal.js';
import { terminateTree } from '../src/process/terminate.js';

let dir: string | undefined;
let leader: ProcessRef | undefined;
afterEach(async () => {
  // Pass or fail, nothing the spawner started outlives the test: its sleeps are the processes
  // its file names that started after it (start times are clock ticks here: /proc).
  if (leader && dir) {
    await terminateTree(leader, 'SIGKILL', 2_000);
    for (const pid of await spawned(path.join(dir, 'pids'))) {
      const ref = await processRef(pid);
      if (ref && Number(ref.startTime) >= Number(leader.startTime))
        await signalVerified(ref, 'SIGKILL');
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
  leader = undefined;
});

/** The pids a spawner wrote so far, one per line. */
async function spawned(file: string): Promise<number[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map(Number);
}

it('a start command spawning components in sessions of their own: none survives the stop', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stigmer-e2e-spawner-'));
  const pids = path.join(dir, 'pids');
  // Spawns up to 300 detached `sleep 30`s back to back, writing each pid as it goes.
  const spawner = `
    const { spawn } = require('child_process');
    const { appendFileSync } = require('fs');
    for (let i = 0; i < 300; i++) {
      const c = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
      appendFileSync(${JSON.stringify(pids)}, c.pid + '\\n');
    }
    setTimeout(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['-e', spawner], { detached: true, stdio: 'ignore' });
  const ref = (await processRef(child.pid!))!;
  leader = ref;
  const deadline = Date.now() + 15_000;
  while ((await spawned(pids)).length < 20) {
    if (Date.now() > deadline) throw new Error('the spawner started nothing within 15 s');
    await new Promise((r) => setTimeout(r, 5));
  }

  const result = await terminateTree(ref, 'SIGTERM', 2_000);

  expect(result.survivors).toEqual([]);
  const all = await spawned(pids);
  const alive = (await Promise.all(all.map((pid) => processRef(pid)))).filter((r) => r !== null);
  expect(all.length).toBeLessThan(300); // stopped while still spawning
  expect(alive.map((r) => r.pid)).toEqual([]);
});
