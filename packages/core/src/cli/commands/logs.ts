import { isGroup } from '../../group/group.js';
import { groupSecrets } from '../../group/secrets.js';
import type { Profile } from '../../profile/profile.js';
import { DEFAULT_TAIL_LINES, formatLogTails, readLogTails } from '../../report/log-tail.js';
import { profileLogs } from '../../stack/launch.js';
import { redact } from '../../util/redact.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { PROFILE_FLAGS, positiveInt, profileFlags } from '../shared-flags.js';

export default defineCommand({
  name: 'logs',
  summary: "The last lines of each component's log.",
  usage: '[options]',
  description:
    "Prints the last lines of each component's log (and of our own start log).\n" +
    "A group config: each member's, in start order.",
  flags: {
    ...PROFILE_FLAGS,
    lines: { type: 'string', value: '<n>', help: 'Lines per log (default 50).' },
  },
  examples: ['stigmer-e2e logs --lines 200'],
  async run({ values, out }) {
    const lines = positiveInt(values.lines, 'lines') ?? DEFAULT_TAIL_LINES;
    const target = await profileFlags(values);
    if (!isGroup(target)) {
      out.print(await formatLogs(target, lines));
      return EXIT.ok;
    }
    const each = await Promise.all(
      target.members.map(async (m) => `=== ${m.name}\n${await formatLogs(m.profile, lines)}`),
    );
    out.print(redact(each.join('\n\n'), groupSecrets(target)));
    return EXIT.ok;
  },
});

async function formatLogs(profile: Profile, lines: number): Promise<string> {
  const tails = await readLogTails(profileLogs(profile), lines);
  return tails.length > 0 ? formatLogTails(tails) : `${profile.name} names no log files.`;
}
