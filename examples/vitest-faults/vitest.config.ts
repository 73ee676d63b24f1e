// This example's own test (test/): runs the fault suite (e2e/) with a real Vitest in its own
// process, against the emulated Stigmer stack in a throwaway HOME on free ports.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/*.test.ts'], testTimeout: 240_000, hookTimeout: 60_000 },
});
