import { UsageError } from '../../errors.js';
import { releaseLease } from '../../stack/release.js';
import { CONFIG_OPTIONS, parseFlags, profileFlags } from '../args.js';
import { EXIT, ExitError } from '../exit.js';
import { HELP } from '../help.js';
import { formatRelease, writeJson } from '../print.js';
import { createProgress } from '../progress.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    ...CONFIG_OPTIONS,
    lease: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP.down);
    return EXIT.ok;
  }
  if (!values.lease)
    throw new UsageError('down needs --lease <id> (the leaseId printed by `stigmer-e2e up`)');
  const profile = await profileFlags(values);
  const progress = createProgress();
  const result = await releaseLease(profile, values.lease, { logger: progress.logger }).finally(
    () => progress.done(),
  );
  if (values.json) writeJson(result);
  else process.stderr.write(`${formatRelease(profile.name, result)}\n`);
  if (!result.released) {
    throw new ExitError(
      EXIT.error,
      `stigmer-e2e: no lease ${values.lease} on ${profile.name}: already released, expired, or from another profile (see \`stigmer-e2e status\`).`,
    );
  }
  return EXIT.ok;
}
