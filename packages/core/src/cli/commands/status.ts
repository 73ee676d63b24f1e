import { formatComponents } from '../../report/format-components.js';
import { type StatusReport, serverStatus } from '../../stack/status.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { PROFILE_FLAGS, profileFlags } from '../shared-flags.js';

export default defineCommand({
  name: 'status',
  summary: 'Components, leases and owner. Exit 0 when available, 3 when not.',
  usage: '[options]',
  description:
    "Shows each component's readiness, the leases (alive or not, each with its id) and who started\n" +
    'the stack. Changes nothing. Exit 0 when every required component is ready, 3 otherwise.',
  flags: { ...PROFILE_FLAGS, json: { type: 'boolean', help: 'Print the report as JSON.' } },
  examples: ['stigmer-e2e status --json'],
  async run({ values, out }) {
    const report = await serverStatus(await profileFlags(values));
    if (values.json) out.json(report);
    else out.print(formatStatus(report));
    return report.available ? EXIT.ok : EXIT.unavailable;
  },
});

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
