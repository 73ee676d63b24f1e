import { describe, expect, it } from 'vitest';
import type { MainResult } from '../state-helper.js';
import { summaryMarkdown } from './summary.js';

const component = {
  name: 'temporal',
  required: true,
  ready: true,
  address: 'localhost:7233',
  detail: 'SERVING <ok> | yes',
  foreign: false,
};
const result = (overrides: Partial<MainResult['snapshot']>): MainResult => ({
  timeToReadyMs: 12_345,
  snapshot: {
    profile: 'stigmer',
    available: true,
    pending: false,
    owned: true,
    reused: false,
    outcome: 'started',
    reason: null,
    leaseId: 'l',
    components: [component],
    env: {},
    elapsedMs: 1,
    stateDir: null,
    mismatch: [],
    timeline: null,
    ...overrides,
  },
});

describe('summaryMarkdown', () => {
  it.each([
    [
      result({}),
      '**Available:** started by this job, which owns it, ready 12.3 s after the action began.',
    ],
    [
      result({ outcome: 'reused', owned: false }),
      '**Available:** already running, not started by stigmer-e2e: it will be left running',
    ],
    [
      result({ outcome: 'joined', owned: false }),
      '**Available:** started by another stigmer-e2e run: shared, the last run out stops it',
    ],
    [
      result({ available: false, outcome: 'unavailable', reason: 'temporal <down>' }),
      '**Unavailable:** temporal &lt;down&gt;',
    ],
    [null, 'main did not finish'],
  ])('headline %#', (r, text) => {
    const md = summaryMarkdown({
      profile: 'stigmer',
      result: r,
      components: [component],
      post: 'stopped.',
    });
    expect(md).toContain(text);
  });

  it('the start as a Mermaid gantt chart, from the timeline of a start this job waited for', () => {
    const timeline = {
      launchedAt: 1_000,
      returnedAt: 1_200,
      components: { temporal: 3_000 },
      readyAt: 3_100,
    };
    const md = summaryMarkdown({
      profile: 'stigmer',
      result: result({ timeline }),
      components: [component],
      post: 'stopped.',
    });
    expect(md).toContain('```mermaid\ngantt\n  title stigmer  start');
    expect(md).toContain('  start command : 0, 200\n  temporal : 0, 2000\n```');
    expect(
      summaryMarkdown({ profile: 'stigmer', result: result({}), components: [], post: '' }),
    ).not.toContain('mermaid');
  });

  it('a row per component, cells escaped', () => {
    const md = summaryMarkdown({
      profile: 'stigmer',
      result: null,
      components: [component],
      post: 'x',
    });
    expect(md).toContain('| temporal | yes | ✅ | localhost:7233 | SERVING &lt;ok&gt; \\| yes |');
  });
});
