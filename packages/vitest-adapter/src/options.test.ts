import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { resolveProfile, validateOptions } from './options.js';

describe('validateOptions', () => {
  test.each([
    ['a string', 'stigmer', /expected an options object .* got "stigmer"/],
    ['an array', [], /got an array/],
    ['null', null, /got null/],
    ['a numeric profile', { profile: 42 }, /profile \}\): expected a profile .* got number/],
    ['an empty profile path', { profile: '  ' }, /expected the path of a config file/],
  ])('rejects %s, saying what it expected', (_, value, message) => {
    expect(() => validateOptions(value)).toThrow(message);
  });

  test('accepts nothing, or an options object', () => {
    expect(validateOptions(undefined)).toEqual({});
    expect(validateOptions({ onUnavailable: 'skip' })).toEqual({ onUnavailable: 'skip' });
  });
});

describe('resolveProfile', () => {
  test('defaults to the Stigmer profile', async () => {
    expect(await resolveProfile(undefined, '/')).toMatchObject({ name: 'stigmer' });
  });

  test('loads a config file relative to the Vitest root, its paths relative to the file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'e2e-vitest-options-'));
    await writeFile(
      path.join(root, 'db.config.json'),
      JSON.stringify({
        name: 'db',
        stateDir: '.state',
        components: [{ name: 'db', probe: { tcp: '127.0.0.1:1' } }],
      }),
    );
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    expect(await resolveProfile('db.config.json', root)).toMatchObject({
      name: 'db',
      stateDir: path.join(root, '.state'),
    });
  });

  test('names the option when the file is missing', async () => {
    await expect(resolveProfile('./missing.mjs', '/nowhere')).rejects.toThrow(
      /stigmerServer\(\{ profile: '.\/missing.mjs' \}\): .*no such file/,
    );
  });

  test('passes a profile or spec object through to core as is', async () => {
    const spec = { name: 'x', components: [] };
    expect(await resolveProfile(spec, '/')).toBe(spec);
  });
});
