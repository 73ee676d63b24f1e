import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A JSON report beside the usual output: scripts/reliability.mjs builds docs/reliability.md from it.
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/fixtures/**', '**/node_modules/**'],
    // Each test runs a real Vitest in a child process and mostly waits on it: run files side
    // by side even on a 2-core runner (every test has its own state dir and ports).
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
