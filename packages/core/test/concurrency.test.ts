/**
 * Many OS processes on one stack at once: exactly one start, no stop while a lease lives, one
 * stop when the last lease goes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, serverStatus } from '../src/index.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { lifecycleEvents, portAccepts, Worker } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('concurrency');
});
afterEach(async () => {
  await temp.remove();
});

describe('sharing across processes', () => {
  it('12 processes at once: one start, no stop while a lease lives, one stop at the end', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '300' });
    const workers = Array.from(
      { length: 12 },
      () => new Worker(stack.specFile, 60_000, { WORKER_TIMEOUT_MS: '60000' }),
    );
    const ensured = await Promise.all(workers.map((w) => w.next('ensured', 90_000)));
    expect(ensured.every((e) => e.handle!.available)).toBe(true);
    expect(ensured.filter((e) => e.handle!.outcome === 'started')).toHaveLength(1);
    expect(ensured.filter((e) => e.handle!.outcome === 'joined')).toHaveLength(11);
    expect(
      (await serverStatus(defineServer(stack.spec))).leases.filter((l) => l.alive),
    ).toHaveLength(12);

    // Release one by one, the owner among the first: the stack must outlive every other lease.
    const owner = workers[ensured.findIndex((e) => e.handle!.outcome === 'started')]!;
    const order = [owner, ...workers.filter((w) => w !== owner)];
    const stops: number[] = [];
    for (const [i, worker] of order.entries()) {
      worker.finish();
      const released = await worker.next('released');
      if (released.result!.stop) stops.push(i);
      if (i < order.length - 1) expect(await portAccepts(stack.port)).toBe(true);
    }
    expect(stops).toEqual([order.length - 1]);
    expect(await portAccepts(stack.port)).toBe(false);
    expect(
      (await lifecycleEvents(stack.startsFile)).filter((e) => e.what === 'start'),
    ).toHaveLength(1);
    await Promise.all(workers.map((w) => w.exited()));
  });

  it('repeated up/down cycles from many processes never start twice at once and end clean', async () => {
    const stack = await fixtureStack(temp.dir);
    let stopsReported = 0;
    // 8 processes x 3 waves with staggered holds, so starts, joins and stops interleave.
    for (let wave = 0; wave < 3; wave++) {
      const workers = Array.from({ length: 8 }, (_, i) => new Worker(stack.specFile, 50 * (i % 4)));
      const ensured = await Promise.all(workers.map((w) => w.next('ensured', 60_000)));
      expect(ensured.every((e) => e.handle!.available)).toBe(true);
      const released = await Promise.all(workers.map((w) => w.next('released', 60_000)));
      for (const r of released) {
        if (!r.result!.stop) continue;
        stopsReported++;
        expect(r.result!.remaining).toBe(0); // a stop only when no lease remained
      }
      await Promise.all(workers.map((w) => w.exited()));
    }
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await serverStatus(defineServer(stack.spec))).toMatchObject({ owner: null, leases: [] });
    // Never two servers at once: every start is followed by the stop of that same server.
    const events = await lifecycleEvents(stack.startsFile);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.what).toBe('start');
      expect(events[i + 1]).toEqual({ what: 'stop', pid: events[i]!.pid });
    }
    expect(events.length / 2).toBe(stopsReported);
  });
});
