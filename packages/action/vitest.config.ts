import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A JSON report beside the usual output: scripts/reliability.mjs builds docs/reliability.md from it.
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The runner-faithful tests start real stacks (three node processes each): give them room,
    // and keep at most two files at once on a 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
