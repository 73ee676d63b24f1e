import { DEFAULT_TAIL_LINES, formatLogTails, readLogTails } from '../../report/log-tail.js';
import { profileLogs } from '../../stack/launch.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { PROFILE_FLAGS, positiveInt, profileFlags } from '../shared-flags.js';

export default defineCommand({
  name: 'logs',
  summary: "The last lines of each component's log.",
  usage: '[options]',
  description: "Prints the last lines of each component's log (and of our own start log).",
  flags: {
    ...PROFILE_FLAGS,
    lines: { type: 'string', value: '<n>', help: 'Lines per log (default 50).' },
  },
  examples: ['stigmer-e2e logs --lines 200'],
  async run({ values, out }) {
    const lines = positiveInt(values.lines, 'lines') ?? DEFAULT_TAIL_LINES;
    const profile = await profileFlags(values);
    const tails = await readLogTails(profileLogs(profile), lines);
    out.print(tails.length > 0 ? formatLogTails(tails) : `${profile.name} names no log files.`);
    return EXIT.ok;
  },
});
