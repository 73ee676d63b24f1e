import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const schedule = (probe: Parameters<typeof backoffDelay>[1]) =>
  Array.from({ length: 8 }, (_, i) => backoffDelay(i, probe));

describe('backoff', () => {
  it('probes at once, then within a few ms, capped by what a probe costs', () => {
    expect(schedule({ tcp: 'localhost:1' })).toEqual([0, 2, 4, 8, 16, 32, 50, 50]);
    expect(schedule({ pidFile: '/x.pid' })).toEqual([0, 2, 4, 8, 16, 32, 50, 50]);
    expect(schedule({ grpc: 'localhost:1' })).toEqual([0, 2, 4, 8, 16, 32, 64, 100]);
    expect(schedule({ http: 'http://localhost:1/' })).toEqual([0, 2, 4, 8, 16, 32, 64, 100]);
  });
  it('spaces out probes that spawn a process', () => {
    expect(backoffDelay(20, { command: ['pg_isready'] })).toBe(250);
    expect(backoffDelay(20, { anyOf: [{ tcp: 'localhost:1' }, { docker: 'x' }] })).toBe(250);
    expect(backoffDelay(20, { anyOf: [{ tcp: 'localhost:1' }, { grpc: 'localhost:2' }] })).toBe(
      100,
    );
  });
});
