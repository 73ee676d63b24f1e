import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp dir per test, removed afterwards. */
export async function tempDir(
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `e2e-vitest-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
