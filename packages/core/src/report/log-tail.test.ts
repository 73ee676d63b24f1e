import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLogTails, readLogTails, tailFile } from './log-tail.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'e2e-tail-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('log tails', () => {
  it('returns the last N lines of a long log', async () => {
    const file = path.join(root, 'a.log');
    await writeFile(file, Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n'));
    const { lines } = await tailFile(file, 50);
    expect(lines).toHaveLength(50);
    expect(lines[0]).toBe('line 9950');
    expect(lines.at(-1)).toBe('line 9999');
  });

  it('names missing files and masks secrets', async () => {
    const file = path.join(root, 'b.log');
    process.env.TEST_E2E_API_KEY = 'sk-test-secret-123';
    await writeFile(file, 'using key sk-test-secret-123\n');
    const text = formatLogTails(
      await readLogTails({ server: [file, path.join(root, 'missing.log')] }),
    );
    delete process.env.TEST_E2E_API_KEY;
    expect(text).toContain('using key ***');
    expect(text).not.toContain('sk-test-secret-123');
    expect(text).toContain('missing.log (no such file)');
  });
});
