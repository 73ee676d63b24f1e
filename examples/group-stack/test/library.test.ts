/** The library: `ensureGroup` on the config file's group, in this process. */
import path from 'node:path';
import { ensureGroup, type GroupSpec } from '@stigmer/e2e-core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, groupStopped, shopPerTest } from './harness.js';

const shop = shopPerTest();
const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('ensureGroup', () => {
  it('hands out every member, each after what it depends on, and releases them in reverse order', async () => {
    const s = await shop();
    Object.assign(process.env, s.env); // the config file and stigmer() read them when loaded
    const file = path.join(EXAMPLE_DIR, 'stack.config.mjs');
    const { default: shopGroup } = (await import(file)) as { default: GroupSpec };
    const group = await ensureGroup(shopGroup, { onUnavailable: 'fail' });
    try {
      expect(group.members.map((m) => [m.name, m.outcome])).toEqual([
        ['stigmer', 'started'],
        ['postgres', 'started'],
        ['app', 'started'],
      ]);
      const app = group.member('app');
      for (const name of app.dependsOn)
        expect(app.began).toBeGreaterThanOrEqual(group.member(name).ended!);
      const response = await fetch(`${group.env.APP_URL}/`);
      expect(await response.json()).toEqual({
        stigmer: `localhost:${s.ports.server}`,
        database: `127.0.0.1:${s.ports.pg}`,
      });
    } finally {
      const released = await group.release();
      expect(released.members[0]).toMatchObject({ name: 'app', reason: 'stopped' });
      expect(released.members.map((r) => r.reason)).toEqual(['stopped', 'stopped', 'stopped']);
    }
    expect(await groupStopped(s)).toBe(true);
  });
});
