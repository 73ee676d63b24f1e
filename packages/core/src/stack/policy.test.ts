import { describe, expect, it } from 'vitest';
import { isCI, resolvePolicy } from './policy.js';

describe('policy', () => {
  it('fails under CI and skips locally by default', () => {
    expect(resolvePolicy(undefined, { CI: 'true' })).toBe('fail');
    expect(resolvePolicy(undefined, { CI: '1' })).toBe('fail');
    expect(resolvePolicy(undefined, {})).toBe('skip');
  });
  it('treats CI=false, CI=0 and an empty CI as local', () => {
    for (const CI of ['false', 'FALSE', '0', '']) expect(isCI({ CI })).toBe(false);
  });
  it('lets an explicit choice win', () => {
    expect(resolvePolicy('skip', { CI: 'true' })).toBe('skip');
    expect(resolvePolicy('fail', {})).toBe('fail');
  });
});
