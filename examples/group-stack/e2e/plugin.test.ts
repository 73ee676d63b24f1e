// The same checks as a Vitest suite, with the group as the plugin's profile
// (vitest.plugin.config.ts): `npx vitest run --config vitest.plugin.config.ts`.
import { describeStigmer } from '@stigmer/e2e-vitest';
import { expect, test } from 'vitest';

describeStigmer('the shop', (stack) => {
  test('every member is ready, the app after what it depends on', () => {
    expect(stack.members?.map((m) => [m.name, m.available, m.dependsOn])).toEqual([
      ['stigmer', true, []],
      ['postgres', true, []],
      ['app', true, ['stigmer', 'postgres']],
    ]);
  });

  test('the app answers with the addresses it was started with', async () => {
    const response = await fetch(`${stack.env.APP_URL}/`);
    expect(await response.json()).toEqual({
      stigmer: stack.env.STIGMER_SERVER_ADDR,
      database: new URL(stack.env.DATABASE_URL!).host,
    });
  });
});
