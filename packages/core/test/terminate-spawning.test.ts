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
import { processRef } from '../src/process/identity.js';
import { terminateTree } from '../src/process/terminate.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
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
  const leader = spawn(process.execPath, ['-e', spawner], { detached: true, stdio: 'ignore' });
  const ref = (await processRef(leader.pid!))!;
  const deadline = Date.now() + 15_000;
  while ((await spawned(pids)).length < 20) {
    if (Date.now() > deadline) throw new Error('the spawner started nothing within 15 s');
    await new Promise((r) => setTimeout(r, 5));
  }

  const result = await terminateTree(ref, 'SIGTERM', 2_000);

  expect(result.survivors).toEqual([]);
  const all = await spawned(pids);
  const alive = (await Promise.all(all.map((pid) => processRef(pid)))).filter((r) => r !== null);
  for (const r of alive) process.kill(r.pid, 'SIGKILL'); // clean up before failing
  expect(all.length).toBeLessThan(300); // stopped while still spawning
  expect(alive.map((r) => r.pid)).toEqual([]);
});
