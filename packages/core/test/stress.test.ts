/**
 * 32 OS processes x 10 up/down cycles each on one stack: never two starts at once, never a stop
 * while a lease lives, and a clean state dir at the end.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, serverStatus } from '../src/index.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { FIXTURES, lifecycleEvents, portAccepts } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const run = promisify(execFile);
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('stress');
});
afterEach(async () => {
  await temp.remove();
});

interface Summary {
  pid: number;
  cycles: number;
  unavailable: number;
  violations: string[];
  outcomes: Record<string, number>;
}

describe('stress', () => {
  it('32 processes x 10 up/down cycles: one server at a time, no stop under a live lease, clean end', {
    timeout: 240_000,
  }, async () => {
    const stack = await fixtureStack(temp.dir);
    const summaries = await Promise.all(
      Array.from({ length: 32 }, async () => {
        const { stdout } = await run(
          process.execPath,
          [path.join(FIXTURES, 'cycler.mjs'), stack.specFile, '10'],
          { timeout: 200_000 },
        );
        return JSON.parse(stdout) as Summary;
      }),
    );
    expect(summaries.flatMap((s) => s.violations)).toEqual([]);
    expect(summaries.reduce((n, s) => n + s.cycles, 0)).toBe(320);

    // Never two servers: every start is followed by the stop of that same server.
    const events = await lifecycleEvents(stack.startsFile);
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.what).toBe('start');
      expect(events[i + 1]).toEqual({ what: 'stop', pid: events[i]!.pid });
    }
    const starts = events.length / 2;
    const started = summaries.reduce(
      (n, s) => n + (s.outcomes.started ?? 0) + (s.outcomes.adopted ?? 0),
      0,
    );
    expect(started).toBe(starts);

    // A clean end: nothing running, no lease, no owner, no lock, no temp or corrupt files.
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await serverStatus(defineServer(stack.spec))).toMatchObject({
      owner: null,
      leases: [],
      warning: null,
    });
    expect((await readdir(stack.spec.stateDir!)).sort()).toEqual([
      'logs',
      'profile.json',
      'state.json',
    ]);
    console.log(`stress: ${starts} start(s) for 320 cycles in 32 processes`);
  });
});
