// The Vitest plugin with the group as its profile: the members are started before the tests
// (each after what it depends on) and stopped after them, the app first.
import { stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [stigmerServer({ profile: './stack.config.mjs' })],
  test: { include: ['e2e/*.test.ts'], testTimeout: 30_000 },
});
