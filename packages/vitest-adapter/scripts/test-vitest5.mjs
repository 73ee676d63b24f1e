#!/usr/bin/env node
import path from 'node:path';
// Vitest 5 on Node 24, the CI step for the adapter: pack the packages, npm install them with
// vitest@5 into an empty project, run the README's quick start there on Node 24, then run the
// adapter's integration tests with every fixture project on that install (Vitest 5, Node 24).
// The outer test runner stays the workspace's Vitest 4; only the Vitests under test change.
import { nodeBinary, packedProject, run, step, WORKSPACE } from './packed-project.mjs';
import { readmeSmoke } from './readme-smoke.mjs';

const node = nodeBinary('24');
const packed = packedProject({ vitest: '^5.0.0', prefix: 'stigmer-e2e-vitest5' });
try {
  await readmeSmoke(packed.project, node);
  step('the integration tests, fixture projects on Vitest 5 + Node 24');
  run('pnpm', ['--filter', '@stigmer/e2e-vitest', 'exec', 'vitest', 'run', 'test/'], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      STIGMER_E2E_FIXTURE_NODE: node,
      STIGMER_E2E_FIXTURE_NODE_MODULES: path.join(packed.project, 'node_modules'),
      STIGMER_E2E_EXPECT_VITEST_MAJOR: '5',
    },
  });
  console.log('\nok: the adapter works under Vitest 5 on Node 24.');
} finally {
  packed.remove();
}
