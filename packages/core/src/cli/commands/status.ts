import { formatComponents } from '../../report/format-components.js';
import { serverStatus } from '../../stack/status.js';
import { CONFIG_OPTIONS, parseFlags, profileFlags } from '../args.js';
import { EXIT } from '../exit.js';
import { HELP } from '../help.js';
import { writeJson } from '../print.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { ...CONFIG_OPTIONS, json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP.status);
    return EXIT.ok;
  }
  const report = await serverStatus(await profileFlags(values));
  if (values.json) {
    writeJson(report);
  } else {
    const ago = (t: number) => `${Math.round((Date.now() - t) / 1000)} s ago`;
    const lines = [
      `${report.profile}: ${report.available ? 'available' : 'not available'}`,
      formatComponents(report.components),
      report.owner
        ? `Started by stigmer-e2e ${ago(report.owner.startedAt)} (${report.owner.phase}); owner lease ${report.owner.leaseId} ${report.owner.leaseAlive ? 'alive' : 'gone: the next run adopts it, or the last lease out stops it'}`
        : report.stateDir
          ? 'Not started by stigmer-e2e (a stack running now is never stopped by it).'
          : 'External stack.',
      ...(report.leases.length > 0
        ? [
            'Leases:',
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
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.available ? EXIT.ok : EXIT.unavailable;
}
