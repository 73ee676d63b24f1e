// This example's own tests (test/): each runs the group through one surface (the CLI, the
// library, the Vitest plugin) in a throwaway HOME on free ports, with the emulator standing in
// for the real `stigmer`. One at a time: each starts a whole group.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
