import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/fixtures/**', '**/node_modules/**'],
    // Each test runs a real Vitest in a child process and mostly waits on it: run files side
    // by side even on a 2-core runner (every test has its own state dir and ports).
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
