/**
 * A stack that cannot be had: `on-unavailable: skip` lets the job go on with outputs saying so,
 * `fail` fails main with the reason and the logs; post shows the logs and never fails.
 * Skipped on Windows for the reason given in lifecycle.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, type Fixture, fixture, printed } from './helpers/fixture.js';

const NO_INSTALL = { install: 'false', cache: 'false' };
let f: Fixture | undefined;
afterEach(async () => {
  await f?.dispose();
  f = undefined;
});

describe.skipIf(process.platform === 'win32')('unavailable stack', () => {
  it('skip: main succeeds with available=false and a warning; post shows the logs', async () => {
    f = await fixture({ failStart: true });
    const step = f.job.step({ ...NO_INSTALL, 'on-unavailable': 'skip' });
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.outputs).toMatchObject({ available: 'false', owned: 'false' });
    expect(JSON.parse(main.outputs.status!)).toMatchObject({ outcome: 'unavailable' });
    expect(main.stdout).toMatch(/::warning::stigmer is unavailable: .*on-unavailable: skip/);
    // The log tails: stigmer-server's own fatal line (zerolog).
    expect(main.stdout).toMatch(
      /FTL Failed to initialize SQLite store error=.*unable to open database file: permission denied/,
    );
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('Log tails of each component (the stack was unavailable)');
    expect(post.stdout).toContain('::group::stigmer-server log');
    expect(post.summary).toContain('**Unavailable:**');
    expect(post.stdout).not.toContain('::error::');
  });

  it('fail (the default): main fails with the reason and each log tail; nothing is left running', async () => {
    // `uses: ./` (no pre): main starts the stack itself, without waiting, saves its lease, then
    // waits, like pre and main do.
    f = await fixture({ failStart: true });
    const step = f.job.step(NO_INSTALL);
    const main = await step.run('main');
    expect(main.code).toBe(1);
    // `stigmer server` returns 0 once stigmer-server is spawned; the server fails after that.
    expect(main.stdout).toMatch(
      /::error::stigmer is unavailable: stigmer-server \(pid \d+, from \S+daemon\.pid\) exited after the start command returned/,
    );
    expect(main.stdout).toContain('Set `on-unavailable: skip`');
    expect(main.stdout).toMatch(/::group::stigmer-server log \(last \d+ lines\)/);
    expect(main.outputs.available).toBe('false');
    const post = expectOk(await step.run('post'));
    expect(post.stdout).not.toContain('::error::');
    expect(await f.stack.accepting()).toBe(false);
  });

  it('a required component that never gets ready: unavailable after `timeout`, what was started is stopped', async () => {
    f = await fixture({ temporalNeverReady: true });
    const step = f.job.step({ ...NO_INSTALL, timeout: '3', 'on-unavailable': 'skip' });
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.outputs.available).toBe('false');
    expect(JSON.parse(main.outputs.status!).reason).toMatch(/temporal/);
    expect(await f.stack.accepting()).toBe(false);
    expectOk(await step.run('post'));
  });

  it('`require: agent-runner` is honoured (the emulated agent-runner runs: ready)', async () => {
    f = await fixture();
    const step = f.job.step({ ...NO_INSTALL, require: 'temporal, agent-runner' });
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    const components = JSON.parse(main.outputs.status!).components as Array<{
      name: string;
      required: boolean;
      ready: boolean;
      detail: string;
    }>;
    expect(Object.fromEntries(components.map((c) => [c.name, c.required]))).toEqual({
      'stigmer-server': true,
      temporal: true,
      'workflow-runner': false,
      'agent-runner': true,
    });
    // Ready as the real one is: its container runs, per `docker inspect` (the stand-in's).
    expect(components.find((c) => c.name === 'agent-runner')).toMatchObject({
      ready: true,
      detail: 'container stigmer-agent-runner running',
    });
    expectOk(await step.run('post'));
  });

  it('bad inputs fail pre with a message naming each; post does not fail', async () => {
    f = await fixture();
    const step = f.job.step({ ...NO_INSTALL, stop: 'sometimes', timeout: '-1' });
    const pre = await step.run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toContain(
      '`stop`: expected one of `if-owned`, `always`, `never`, got `sometimes`.',
    );
    expect(pre.stdout).toContain('`timeout`: expected a positive number of seconds, got `-1`.');
    const post = expectOk(await step.run('post'));
    expect(post.stdout).not.toContain('::error::');
  });
});
