import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateDirError } from '../errors.js';
import { EMPTY_STATE } from './state.js';
import { prepareStateDir, readState, writeState } from './state-file.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'e2e-state-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('state file', () => {
  it('creates the dir 0700 and the file 0600', async () => {
    const dir = path.join(root, 'deep', 'state');
    await prepareStateDir(dir);
    await writeState(dir, EMPTY_STATE);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'state.json'))).mode & 0o777).toBe(0o600);
  });

  it('round-trips and leaves no temp files', async () => {
    await prepareStateDir(root);
    const state = { ...EMPTY_STATE, lastFailure: { at: 1, reason: 'x' } };
    await writeState(root, state);
    expect((await readState(root)).state).toEqual(state);
    expect((await readdir(root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['truncated', '{"version":1,"owner":null,"lea'],
    ['not an object', '[]'],
    ['a wrong shape', '{"version":1,"owner":{"leaseId":3},"leases":[],"lastFailure":null}'],
    ['empty', ''],
  ])('recovers from a %s file, keeping it aside', async (_, content) => {
    await writeFile(path.join(root, 'state.json'), content);
    const { state, warning } = await readState(root);
    expect(state).toEqual(EMPTY_STATE);
    expect(warning).toMatch(/moved to .*state\.json\.corrupt-\d+/);
    const aside = (await readdir(root)).find((f) => f.startsWith('state.json.corrupt-'))!;
    expect(await readFile(path.join(root, aside), 'utf8')).toBe(content);
  });

  it('only reports a corrupt file when asked not to repair it', async () => {
    await writeFile(path.join(root, 'state.json'), '{');
    expect((await readState(root, { repair: false })).warning).toMatch(/unreadable/);
    expect(await readdir(root)).toEqual(['state.json']);
  });

  it('names the path and the fix when the state dir cannot be used', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, '');
    await expect(prepareStateDir(path.join(file, 'state'))).rejects.toThrow(StateDirError);
    await expect(prepareStateDir(path.join(file, 'state'))).rejects.toThrow(
      /a-file\/state .*fix its permissions, or point the profile elsewhere/,
    );
  });
});
