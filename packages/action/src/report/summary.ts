/** The job summary: the components, owned or reused, time to ready, and what post did. */
import * as core from '@actions/core';
import {
  type ComponentStatus,
  describeOutcome,
  formatSeconds,
  timelineBars,
  timelineMermaid,
  type UsageSummary,
} from '@stigmer/e2e-core';
import type { CacheOutcome } from '../cache/cache-entries.js';
import { redactSecrets } from '../secrets.js';
import type { MainResult } from '../state-helper.js';

export interface SummaryInput {
  readonly profile: string;
  /** What main found; null when main did not get that far. */
  readonly result: MainResult | null;
  /** Components as main saw them, else as post probed them. */
  readonly components: readonly ComponentStatus[];
  /** One line on what post did with the stack. */
  readonly post: string;
  /** CPU and memory of the stack's processes over their lives, read by post before the release. */
  readonly usage?: UsageSummary | null;
  /** What each cache restore found (pre, or main when pre did not run). */
  readonly caches?: readonly CacheOutcome[];
}

export function summaryMarkdown(input: SummaryInput): string {
  const lines = [`### ${escapeCell(input.profile)} server`, '', headline(input.result), ''];
  if (input.components.length > 0) {
    lines.push('| component | required | ready | address | detail |', '|---|---|---|---|---|');
    for (const c of input.components)
      lines.push(
        `| ${escapeCell(c.name)} | ${c.required ? 'yes' : 'no'} | ${c.ready ? '✅' : '❌'} | ${escapeCell(c.address ?? '')} | ${escapeCell(c.detail)} |`,
      );
    lines.push('');
  }
  const chart = startChart(input.profile, input.result);
  if (chart) lines.push(chart, '');
  if (input.caches && input.caches.length > 0) {
    lines.push('| cache | restored | time |', '|---|---|---|');
    for (const c of input.caches)
      lines.push(
        `| ${escapeCell(c.name)} | ${c.hit ? 'yes' : 'no: fetched cold this time, saved for the next job'} | ${formatSeconds(c.ms)} |`,
      );
    lines.push('');
  }
  if (input.usage) {
    lines.push('| process | pid | peak memory | average CPU |', '|---|---|---|---|');
    for (const p of input.usage.processes)
      lines.push(
        `| ${escapeCell(p.name)} | ${p.pid} | ${p.peakRssMiB} MiB | ${p.avgCpuPercent}% |`,
      );
    lines.push(
      `| **all** | | ${input.usage.total.peakRssMiB} MiB (sum of peaks) | ${input.usage.total.avgCpuPercent}% |`,
      '',
    );
  }
  lines.push(`**After the job:** ${escapeCell(input.post)}`, '');
  return lines.join('\n');
}

/**
 * The start as a Gantt chart: each component of a stack this job started (from its timeline), or
 * each member of a group (when its ensure began and ended: what waited on what).
 */
function startChart(profile: string, result: MainResult | null): string | null {
  const snapshot = result?.snapshot as (MainResult['snapshot'] & { members?: unknown }) | undefined;
  if (!snapshot) return null;
  if (Array.isArray(snapshot.members)) {
    const bars = (
      snapshot.members as Array<{ name: string; began: number | null; ended: number | null }>
    )
      .filter((m) => m.began !== null && m.ended !== null)
      .map((m) => ({ name: m.name, fromMs: m.began!, toMs: m.ended! }));
    return bars.length > 0 ? timelineMermaid(`${profile}: members in start order`, bars) : null;
  }
  return snapshot.timeline
    ? timelineMermaid(`${profile}: start`, timelineBars(snapshot.timeline))
    : null;
}

export async function writeSummary(input: SummaryInput): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const markdown = redactSecrets(summaryMarkdown(input), input.result?.snapshot.env ?? {});
  await core.summary.addRaw(markdown, true).write();
}

function headline(result: MainResult | null): string {
  if (!result)
    return '**Not ready:** the action did not get to wait for the stack (main did not finish).';
  const s = result.snapshot;
  if (!s.available) return `**Unavailable:** ${escapeCell(s.reason ?? 'unknown reason')}`;
  const ready =
    result.timeToReadyMs === null
      ? ''
      : `, ready ${formatSeconds(result.timeToReadyMs)} after the action began`;
  return `**Available:** ${escapeCell(describeOutcome(s.outcome, 'job'))}${ready}.`;
}

function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}
