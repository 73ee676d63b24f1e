import { UsageError } from '../../errors.js';
import { processRef } from '../../process/identity.js';
import { ensureServer } from '../../stack/ensure.js';
import { handOverLease } from '../../stack/hand-over.js';
import {
  CONFIG_OPTIONS,
  parseFlags,
  profileFlags,
  seconds,
  WAIT_OPTIONS,
  waitFlags,
} from '../args.js';
import { EXIT } from '../exit.js';
import { HELP } from '../help.js';
import { formatHandle, writeJson } from '../print.js';
import { withProgress } from '../with-progress.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    ...CONFIG_OPTIONS,
    ...WAIT_OPTIONS,
    ttl: { type: 'string' },
    label: { type: 'string' },
    'holder-pid': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP.up);
    return EXIT.ok;
  }
  const { onUnavailable, ensure } = waitFlags(values);
  const ttlMs = seconds(values.ttl, 'ttl');
  const holder = await holderFlag(values['holder-pid']);
  if (holder && ttlMs)
    throw new UsageError(
      '--ttl and --holder-pid exclude each other: a lease bound to a process ends with it',
    );
  const profile = await profileFlags(values);
  const label = values.label ?? (holder ? `pid ${holder.pid}` : 'stigmer-e2e up');
  const handle = await withProgress((progress, signal) =>
    ensureServer(profile, {
      ...ensure,
      usage: false, // this process ends now: nobody would read the samples
      signal,
      logger: progress.logger,
      onProgress: progress.onProgress,
      // Bound to this process (or the holder) until the handle is out: killed before it prints
      // the lease id, `up` leaves no lease that nobody can name.
      lease: { kind: 'process', label, ...(holder ? { holder } : {}) },
    }),
  );
  if (values.json) writeJson(handle.snapshot());
  else {
    process.stderr.write(`${formatHandle(handle)}\n`);
    if (handle.leaseId)
      process.stderr.write(
        `Lease ${handle.leaseId}: release it with \`stigmer-e2e down --lease ${handle.leaseId}\`\n`,
      );
  }
  if (handle.leaseId && !holder) {
    const expiresAt = ttlMs ? Date.now() + ttlMs : null;
    await handOverLease(profile, handle.leaseId, { holder: null, expiresAt });
  }
  if (handle.available) return EXIT.ok;
  return onUnavailable === 'fail' ? EXIT.error : EXIT.unavailable;
}

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
