/**
 * pre's own duration with a stack that takes 10 s to start (emulatorEnv({ startDelayMs: 10_000 })):
 * pre must return at once and leave the stack booting, with nothing holding its stdout/stderr
 * (the runner would wait 5 s for them, then kill the tree). The number is printed; the bound is
 * loose on purpose (shared CI machines).
 * Skipped on Windows for the reason given in lifecycle.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, type Fixture, fixture } from './helpers/fixture.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.dispose();
  f = undefined;
});

describe.skipIf(process.platform === 'win32')('a stack that takes 10 s to start', () => {
  it('pre returns at once while it boots; main waits for it; post stops it', async () => {
    f = await fixture({ startDelayMs: 10_000 });
    const step = f.job.step({ install: 'false', cache: 'false' });
    const pre = expectOk(await step.run('pre'));
    const booting = await f.stack.accepting();
    const main = expectOk(await step.run('main'));
    const post = expectOk(await step.run('post'));
    const status = JSON.parse(main.outputs.status!) as { elapsedMs: number };
    console.log(
      [
        'stack start delay 10 s (emulator):',
        `  pre:  process exited after ${Math.round(pre.exitMs)} ms, stdout/stderr closed after ${Math.round(pre.closeMs)} ms (the step's blocking time)`,
        `  main: ${Math.round(main.closeMs)} ms (waited ${status.elapsedMs} ms for readiness; the 10 s count from the start in pre)`,
        `  post: ${Math.round(post.closeMs)} ms (release + stop)`,
      ].join('\n'),
    );
    expect(booting).toBe(false);
    expect(pre.closeMs).toBeLessThan(5_000);
    expect(pre.closeMs - pre.exitMs).toBeLessThan(1_000); // no child holds pre's output
    expect(main.outputs).toMatchObject({ available: 'true', owned: 'true' });
    expect(status.elapsedMs).toBeGreaterThan(5_000);
    expect(await f.stack.accepting()).toBe(false);
  });
});
