import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pause, watchActivity } from './activity.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('activity', () => {
  it('a log written by another process cuts a long pause short', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'activity-'));
    const log = path.join(dir, 'server.log');
    const activity = watchActivity([log]); // the file does not exist yet: its dir is watched
    try {
      const signal = new AbortController().signal;
      const woken = pause(60_000, { activity, minMs: 1, signal });
      // A real process, as a starting server appends its "listening" line.
      spawn('sh', ['-c', `sleep 0.2; echo listening >> '${log}'`], { stdio: 'ignore' });
      expect(await woken).toBe(true);
    } finally {
      activity.close();
    }
  });

  it('without activity (a dir that does not exist) the pause runs its course', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'activity-'));
    const activity = watchActivity([path.join(dir, 'nowhere', 'x.pid')]);
    const signal = new AbortController().signal;
    expect(await pause(20, { activity, minMs: 1, signal })).toBe(false);
    activity.close();
  });

  it('an abort ends the pause with the signal reason', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'activity-'));
    const controller = new AbortController();
    const paused = pause(60_000, { minMs: 1, signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(paused).rejects.toThrow('stopped');
  });
});
