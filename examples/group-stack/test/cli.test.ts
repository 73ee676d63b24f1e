/** The CLI: `stigmer-e2e run --config stack.config.mjs -- node --test e2e/`, as a user runs it. */
import { describe, expect, it } from 'vitest';
import { CLI, groupStopped, run, shopPerTest } from './harness.js';

const shop = shopPerTest();

describe('stigmer-e2e run with the group', () => {
  it('starts Stigmer and PostgreSQL, then the app; runs the tests with every env; stops the app first', async () => {
    const s = await shop();
    const ran = await run(
      process.execPath,
      [
        CLI,
        'run',
        '--on-unavailable',
        'fail',
        '--config',
        'stack.config.mjs',
        '--',
        process.execPath,
        '--test',
        'e2e/',
      ],
      s.env,
    );
    expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
    expect(ran.stdout).toMatch(/# pass 3\n/);
    expect(ran.stderr).toMatch(
      /✓ shop is available after .*\n {2}✓ stigmer +started by this run.*\n {2}✓ postgres +started by this run.*\n {2}✓ app +started by this run.*after stigmer, postgres\)/,
    );
    expect(ran.stderr).toMatch(/shop released in .*, dependents first:\n {2}app stopped in /);
    expect(await groupStopped(s)).toBe(true);
  });

  it('without the group, the tests skip and say how to run them', async () => {
    const s = await shop();
    const ran = await run(process.execPath, ['--test', 'e2e/'], {
      ...s.env,
      STIGMER_SERVER_ADDR: '',
    });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/# skipped 3\n/);
    expect(ran.stdout).toContain(
      'run these tests through `npx stigmer-e2e run --config stack.config.mjs',
    );
  });
});
