import { UsageError } from '../../errors.js';
import { defineCommand } from '../command.js';
import { EXIT, ExitError } from '../exit.js';
import { formatRelease } from '../print.js';
import { PROFILE_FLAGS, profileFlags } from '../shared-flags.js';
import { releaseTarget } from '../target.js';

export default defineCommand({
  name: 'down',
  summary:
    'Release a lease from `up`; stops the stack if stigmer-e2e started it and no one else uses it.',
  usage: '--lease <id> [options]',
  description:
    'Releases a lease taken by `up`. The stack is stopped when stigmer-e2e started it and no live\n' +
    'lease remains; a stack that was already running is never stopped. `status` lists every lease\n' +
    "with its id. A group config: each member's lease, dependents first (the app before its database).",
  flags: {
    lease: { type: 'string', value: '<id>', help: 'The leaseId printed by `up` (required).' },
    ...PROFILE_FLAGS,
    json: { type: 'boolean', help: 'Print the result as JSON.' },
  },
  examples: ['stigmer-e2e down --lease 0b0c6c9e-8f3c-4d7e-9a43-1f2e3d4c5b6a'],
  async run({ values, out }) {
    if (!values.lease)
      throw new UsageError('down needs --lease <id> (the leaseId printed by `stigmer-e2e up`)');
    const profile = await profileFlags(values);
    const result = await releaseTarget(profile, values.lease, out.logger);
    if (values.json) out.json(result);
    const each = 'members' in result ? result.members : [result];
    if (!each.some((r) => r.released || r.stop))
      throw new ExitError(
        EXIT.error,
        `stigmer-e2e: no lease ${values.lease} on ${profile.name}: already released, expired, or from another profile; nothing was changed (see \`stigmer-e2e status\`).`,
      );
    if (!values.json)
      for (const line of formatRelease(profile.name, null, result)) out.result(line);
    return EXIT.ok;
  },
});
