import { UsageError } from '../../errors.js';
import { processRef } from '../../process/identity.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { formatHandle } from '../print.js';
import { PROFILE_FLAGS, profileFlags, seconds, WAIT_FLAGS, waitFlags } from '../shared-flags.js';
import { ensureTarget, handOverTarget } from '../target.js';

export default defineCommand({
  name: 'up',
  summary: 'Ensure the stack and hold a lease until `down`. Prints the handle.',
  usage: '[options]',
  description:
    'Ensures the stack is running (reuses it, waits for a run that is starting it, or starts it) and\n' +
    'holds a lease on it until `stigmer-e2e down --lease <id>`. Prints the handle on stdout (as JSON\n' +
    'with --json). The lease is bound to this command until the handle is printed, so an `up` killed\n' +
    'before that leaves no lease behind. A group config: every member, in dependency order, one lease\n' +
    "each; the JSON then has `members` (each member's handle) and its leaseId names each lease.",
  flags: {
    ...PROFILE_FLAGS,
    ...WAIT_FLAGS,
    ttl: {
      type: 'string',
      value: '<seconds>',
      help: 'The lease expires after this long, so a crashed job cannot pin the stack.',
    },
    'holder-pid': {
      type: 'string',
      value: '<pid>',
      help: 'Bind the lease to this live process instead (e.g. a `go test` binary):\nit ends when that process does, and the stack is then stopped if owned.',
    },
    label: { type: 'string', value: '<text>', help: 'Who holds the lease, shown by `status`.' },
    json: {
      type: 'boolean',
      help: 'Print the handle as JSON: available, owned, reused, leaseId, components, env, reason.',
    },
  },
  examples: [
    'stigmer-e2e up --json --timeout 120',
    'stigmer-e2e up --json --holder-pid $$ --require temporal,agent-runner',
  ],
  async run({ values, out }) {
    const { onUnavailable, ensure } = waitFlags(values);
    const ttlMs = seconds(values.ttl, 'ttl');
    const holder = await holderFlag(values['holder-pid']);
    if (holder && ttlMs)
      throw new UsageError(
        '--ttl and --holder-pid exclude each other: a lease bound to a process ends with it',
      );
    const profile = await profileFlags(values);
    const label = values.label ?? (holder ? `pid ${holder.pid}` : 'stigmer-e2e up');
    const handle = await out.waiting((signal) =>
      ensureTarget(profile, {
        ...ensure,
        usage: false, // this process ends now: nobody would read the samples
        signal,
        logger: out.logger,
        onProgress: out.onProgress,
        // Bound to this process (or the holder) until the handle is out: killed before it prints
        // the lease id, `up` leaves no lease that nobody can name.
        lease: { kind: 'process', label, ...(holder ? { holder } : {}) },
      }),
    );
    if (values.json) out.json(handle.snapshot());
    else {
      out.print(formatHandle(handle));
      if (handle.leaseId)
        out.print(
          `Lease ${handle.leaseId}: release it with \`stigmer-e2e down --lease ${handle.leaseId}\`${holder ? ` (or it ends with pid ${holder.pid})` : ''}.`,
        );
    }
    if (handle.leaseId && !holder) {
      const expiresAt = ttlMs ? Date.now() + ttlMs : null;
      await handOverTarget(profile, handle.leaseId, { holder: null, expiresAt });
    }
    if (handle.available) return EXIT.ok;
    return onUnavailable === 'fail' ? EXIT.error : EXIT.unavailable;
  },
});

/** `--holder-pid <pid>`: the live process the lease is bound to (checked by pid and start time). */
async function holderFlag(value: string | undefined) {
  if (value === undefined) return null;
  const pid = Number(value);
  const ref = Number.isInteger(pid) && pid > 0 ? await processRef(pid) : null;
  if (!ref)
    throw new UsageError(
      `--holder-pid ${value}: no such process. Give the pid of a live process that holds the lease (e.g. the test binary's own pid).`,
    );
  return ref;
}
