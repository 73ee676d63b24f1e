/**
 * How a start went, as a picture: when it was launched, when its start command returned, when each
 * component was seen ready, and which of them the stack waited on last (the critical one). Text
 * for `stigmer-e2e status --timeline`, Mermaid for the job summary.
 */
import type { Timeline } from '../state/state.js';
import { formatSeconds } from './words.js';

/** One bar: what, from when to when (ms since the launch). */
export interface Bar {
  readonly name: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** The bars of a start: the start command, then each component in the order they became ready. */
export function timelineBars(timeline: Timeline): Bar[] {
  const at = (t: number) => Math.max(0, t - timeline.launchedAt);
  const bars: Bar[] = [];
  if (timeline.returnedAt !== null)
    bars.push({ name: 'start command', fromMs: 0, toMs: at(timeline.returnedAt) });
  for (const [name, t] of Object.entries(timeline.components).sort((a, b) => a[1] - b[1]))
    bars.push({ name, fromMs: 0, toMs: at(t) });
  return bars;
}

const WIDTH = 40;

/** Text bars, the last one marked as what the stack waited on. */
export function formatTimeline(title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return `${title}: no timeline recorded`;
  const end = Math.max(...bars.map((b) => b.toMs), 1);
  const width = Math.max(...bars.map((b) => b.name.length));
  const last = bars.reduce((a, b) => (b.toMs >= a.toMs ? b : a));
  const lines = bars.map((b) => {
    const from = Math.round((b.fromMs / end) * WIDTH);
    const to = Math.max(from + 1, Math.round((b.toMs / end) * WIDTH));
    const bar = `${' '.repeat(from)}${'█'.repeat(to - from)}`.padEnd(WIDTH);
    const span =
      b.fromMs > 0
        ? `${formatSeconds(b.fromMs)} -> ${formatSeconds(b.toMs)}`
        : formatSeconds(b.toMs);
    return `  ${b.name.padEnd(width)}  |${bar}|  ${span}${b === last ? '  <- waited on last' : ''}`;
  });
  return [`${title}: ready after ${formatSeconds(end)}`, ...lines].join('\n');
}

/** A Mermaid gantt chart of the bars (times in ms since the launch). */
export function timelineMermaid(title: string, bars: readonly Bar[]): string {
  const clean = (text: string) => text.replace(/[:#;]/g, ' ');
  return [
    '```mermaid',
    'gantt',
    `  title ${clean(title)}`,
    '  dateFormat x',
    '  axisFormat %S.%L s',
    ...bars.map((b) => `  ${clean(b.name)} : ${b.fromMs}, ${Math.max(b.toMs, b.fromMs + 1)}`),
    '```',
  ].join('\n');
}
