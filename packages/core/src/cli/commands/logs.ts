import { DEFAULT_TAIL_LINES, formatLogTails, readLogTails } from '../../report/log-tail.js';
import { profileLogs } from '../../stack/launch.js';
import { CONFIG_OPTIONS, parseFlags, positiveInt, profileFlags } from '../args.js';
import { EXIT } from '../exit.js';
import { HELP } from '../help.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { ...CONFIG_OPTIONS, lines: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP.logs);
    return EXIT.ok;
  }
  const lines = positiveInt(values.lines, 'lines') ?? DEFAULT_TAIL_LINES;
  const profile = await profileFlags(values);
  const tails = await readLogTails(profileLogs(profile), lines);
  process.stdout.write(
    tails.length > 0 ? `${formatLogTails(tails)}\n` : `${profile.name} names no log files.\n`,
  );
  return EXIT.ok;
}
