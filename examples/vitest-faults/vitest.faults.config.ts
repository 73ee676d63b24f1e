// The fault suite: the Vitest plugin starts the Stigmer stack (this run owns it: faults are
// allowed), the tests break parts of it through faults() and time the recovery.
import { stigmer, stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    stigmerServer({
      profile: stigmer({ require: ['temporal', 'workflow-runner', 'agent-runner'] }),
    }),
  ],
  // One file, its tests in order: each fault is on the one shared stack.
  test: { include: ['e2e/*.test.ts'], testTimeout: 90_000 },
});
