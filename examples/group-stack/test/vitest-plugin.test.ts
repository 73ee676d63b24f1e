/** The Vitest plugin: `vitest run --config vitest.plugin.config.ts`, a real Vitest in its own process. */
import { describe, expect, it } from 'vitest';
import { groupStopped, shopPerTest, vitest } from './harness.js';

const shop = shopPerTest();

describe('stigmerServer({ profile: "./stack.config.mjs" })', () => {
  it('starts the group before the tests, gives them every member, and stops it after', async () => {
    const s = await shop();
    const ran = await vitest(['run', '--config', 'vitest.plugin.config.ts'], s.env);
    const output = `${ran.stdout}\n${ran.stderr}`;
    expect(ran.code, output).toBe(0);
    expect(output).toMatch(/Tests {2}2 passed/);
    expect(output).toMatch(/shop released in .*, dependents first:\n {2}app stopped in /);
    expect(await groupStopped(s)).toBe(true);
  });
});
