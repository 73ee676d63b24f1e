import { defineConfig } from 'vitest/config';

// Each test starts and stops a real (emulated) Stigmer stack and real Python processes.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 },
});
