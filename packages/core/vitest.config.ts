import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A JSON report beside the usual output: scripts/reliability.mjs builds docs/reliability.md from it.
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
