import { stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The profile is a config file, relative to this directory (the Vitest root).
  plugins: [stigmerServer({ profile: './postgres.config.mjs' })],
  test: {
    // Runs before the plugin's globalSetup, which starts the server.
    globalSetup: ['./init-cluster.mjs'],
    testTimeout: 30_000,
  },
});
