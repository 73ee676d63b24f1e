/** Two Vitest processes at once on one stack: one start, both pass, one stop. */
import path from 'node:path';
import { expect, test } from 'vitest';
import { fixtureProject } from './helpers/fixture-project.js';
import { fixtureStack } from './helpers/fixture-stack.js';
import { runVitest, statuses } from './helpers/run-vitest.js';
import { tempDir } from './helpers/temp.js';

test('two runs at once: one start, both pass, one stop', async () => {
  const temp = await tempDir('concurrency');
  const stack = await fixtureStack(temp.dir);
  try {
    const runs = await Promise.all(
      ['first', 'second'].map(async (name) => {
        const project = await fixtureProject('custom-profile', path.join(temp.dir, name));
        return runVitest(project, {
          env: {
            FIXTURE_PROFILE: stack.specFile,
            // Long enough that the runs overlap whichever starts first.
            FIXTURE_SLEEP_MS: '2500',
            FIXTURE_CACHE_DIR: path.join(temp.dir, name, 'cache'),
          },
        });
      }),
    );
    for (const run of runs) {
      expect(run.code, run.output).toBe(0);
      expect(Object.values(statuses(run.report))).toEqual(['passed', 'passed']);
    }
    const events = await stack.events();
    expect(events.map((e) => e.what)).toEqual(['start', 'stop']);
    // One run started it, the other shared it; the last one out stopped it.
    const outputs = runs.map((run) => run.output).join('\n');
    expect(outputs.match(/starting it/g)).toHaveLength(1);
    expect(outputs).toMatch(/sharing it|is being started by another run/);
    expect(outputs.match(/fixture stopped/g)).toHaveLength(1);
    await stack.assertNothingRunning();
  } finally {
    await stack.cleanup().finally(temp.remove);
  }
});
