import { isGroup } from '../../group/group.js';
import { groupSecrets } from '../../group/secrets.js';
import { type GroupStatusReport, groupStatus } from '../../group/status.js';
import { formatComponents } from '../../report/format-components.js';
import { formatTimeline, timelineBars } from '../../report/timeline.js';
import { type StatusReport, serverStatus } from '../../stack/status.js';
import { redact } from '../../util/redact.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { PROFILE_FLAGS, profileFlags } from '../shared-flags.js';

export default defineCommand({
  name: 'status',
  summary: 'Components, leases and owner. Exit 0 when available, 3 when not.',
  usage: '[options]',
  description:
    "Shows each component's readiness, the leases (alive or not, each with its id) and who started\n" +
    'the stack. Changes nothing. Exit 0 when every required component is ready, 3 otherwise.\n' +
    'A group config: each member, in start order (exit 0 when every member is available).',
  flags: {
    ...PROFILE_FLAGS,
    json: { type: 'boolean', help: 'Print the report as JSON.' },
    timeline: {
      type: 'boolean',
      help: 'How the start went: when each component was ready, which one the stack waited on\nlast (a group: each member, in start order).',
    },
  },
  examples: ['stigmer-e2e status --json', 'stigmer-e2e status --timeline'],
  async run({ values, out }) {
    const target = await profileFlags(values);
    const report = isGroup(target) ? await groupStatus(target) : await serverStatus(target);
    if (values.json) out.json(report);
    else if (values.timeline)
      out.print(
        ('members' in report ? report.members : [report as StatusReport])
          .map(timelineOf)
          .join('\n\n'),
      );
    else if ('members' in report && isGroup(target))
      out.print(redact(formatGroupStatus(report), groupSecrets(target)));
    else out.print(formatStatus(report as StatusReport));
    return report.available ? EXIT.ok : EXIT.unavailable;
  },
});

function timelineOf(report: StatusReport): string {
  const timeline = report.owner?.timeline;
  if (!timeline)
    return `${report.profile}: no timeline: ${report.owner ? 'its start is still in progress' : 'it was not started by stigmer-e2e'}.`;
  const at = new Date(timeline.launchedAt).toISOString();
  return formatTimeline(
    `${report.profile}, started by stigmer-e2e at ${at}`,
    timelineBars(timeline),
  );
}

function formatGroupStatus(report: GroupStatusReport): string {
  return [
    `${report.profile}: ${report.available ? 'available' : 'not available'} (${report.members.length} members, in start order)`,
    ...report.members.map(
      (m) =>
        `\n[${m.name}]${m.dependsOn.length > 0 ? ` after ${m.dependsOn.join(', ')}` : ''}\n${formatStatus(m)}`,
    ),
  ].join('\n');
}

function formatStatus(report: StatusReport): string {
  const ago = (t: number) => `${Math.round((Date.now() - t) / 1000)} s ago`;
  return [
    `${report.profile}: ${report.available ? 'available' : 'not available'}`,
    formatComponents(report.components),
    whoStarted(report, ago),
    ...(report.leases.length > 0
      ? [
          'Leases (release one with `stigmer-e2e down --lease <id>`):',
          ...report.leases.map(
            (l) =>
              `  ${l.alive ? '●' : '○'} ${l.id}  ${l.label}  ${l.alive ? 'alive' : 'dead'}, taken ${ago(l.createdAt)}`,
          ),
        ]
      : ['Leases: none']),
    ...(report.lastFailure
      ? [`Last failed start (${ago(report.lastFailure.at)}): ${report.lastFailure.reason}`]
      : []),
    ...(report.warning ? [`warning: ${report.warning}`] : []),
    ...(report.stateDir ? [`State: ${report.stateDir}`] : []),
  ].join('\n');
}

function whoStarted(report: StatusReport, ago: (t: number) => string): string {
  if (!report.stateDir) return 'External stack: only probed, never started or stopped.';
  const { owner } = report;
  if (owner)
    return `Started by stigmer-e2e ${ago(owner.startedAt)} (${owner.phase}); owner lease ${owner.leaseId} ${owner.leaseAlive ? 'alive' : 'gone: the next run adopts it, or the last lease out stops it'}.`;
  if (report.components.some((c) => c.ready))
    return 'Running, not started by stigmer-e2e: stigmer-e2e never stops it.';
  return 'Not running.';
}
