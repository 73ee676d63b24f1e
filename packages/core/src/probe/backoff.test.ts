import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoff', () => {
  it('probes at once, then within a few ms, capped low for cheap probes', () => {
    const delays = Array.from({ length: 8 }, (_, i) => backoffDelay(i, { tcp: 'localhost:1' }));
    expect(delays).toEqual([0, 2, 4, 8, 16, 20, 20, 20]);
  });
  it('spaces out probes that spawn a process', () => {
    expect(backoffDelay(20, { command: ['pg_isready'] })).toBe(250);
    expect(backoffDelay(20, { anyOf: [{ tcp: 'localhost:1' }, { docker: 'x' }] })).toBe(250);
  });
});
