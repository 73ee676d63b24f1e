import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { killTracked, stopStacksUnder } from './leftovers.js';

/**
 * A fresh temp dir per test. `remove()` first stops what the test left running, even when it
 * failed: its tracked child processes, then every stack whose state dir lies in the temp dir.
 */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `e2e-${prefix}-`));
  return {
    dir,
    remove: async () => {
      await killTracked();
      await stopStacksUnder(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
