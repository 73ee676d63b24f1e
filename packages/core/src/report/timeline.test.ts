import { describe, expect, it } from 'vitest';
import { formatTimeline, timelineBars, timelineMermaid } from './timeline.js';

const timeline = {
  launchedAt: 1_000,
  returnedAt: 1_300,
  components: { 'stigmer-server': 5_100, temporal: 2_800 },
  readyAt: 5_200,
};

describe('the start timeline', () => {
  it('a bar per part, in the order they became ready, the last one marked', () => {
    const bars = timelineBars(timeline);
    expect(bars.map((b) => [b.name, b.toMs])).toEqual([
      ['start command', 300],
      ['temporal', 1_800],
      ['stigmer-server', 4_100],
    ]);
    const text = formatTimeline('stigmer', bars);
    expect(text).toMatch(/^stigmer: ready after 4\.1 s$/m);
    expect(text).toMatch(/stigmer-server +\|█+\| +4\.1 s {2}<- waited on last$/m);
    expect(text).not.toMatch(/temporal .*waited on last/);
  });

  it('as a Mermaid gantt chart, for the job summary', () => {
    const chart = timelineMermaid('stigmer: start', timelineBars(timeline));
    expect(chart.split('\n')).toEqual([
      '```mermaid',
      'gantt',
      '  title stigmer  start',
      '  dateFormat x',
      '  axisFormat %S.%L s',
      '  start command : 0, 300',
      '  temporal : 0, 1800',
      '  stigmer-server : 0, 4100',
      '```',
    ]);
  });
});
