import { defineConfig } from 'vitest/config';

// Each test starts and stops a real (emulated) Stigmer stack and real Python or Go processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Read by scripts/reliability.mjs (the Ctrl-C row of docs/reliability.md).
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
