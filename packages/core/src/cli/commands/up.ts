import { loadProfile } from '../../profile/load-profile.js';
import { ensureServer } from '../../stack/ensure.js';
import { CONFIG_OPTIONS, parseFlags, seconds, WAIT_OPTIONS, waitFlags } from '../args.js';
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
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP.up);
    return EXIT.ok;
  }
  const { onUnavailable, ensure } = waitFlags(values);
  const ttlMs = seconds(values.ttl, 'ttl');
  const profile = await loadProfile(values.config);
  const handle = await withProgress((progress, signal) =>
    ensureServer(profile, {
      ...ensure,
      usage: false, // this process ends now: nobody would read the samples
      signal,
      logger: progress.logger,
      onProgress: progress.onProgress,
      lease: {
        kind: 'explicit',
        label: values.label ?? `stigmer-e2e up (pid ${process.pid})`,
        ...(ttlMs ? { ttlMs } : {}),
      },
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
  if (handle.available) return EXIT.ok;
  return onUnavailable === 'fail' ? EXIT.error : EXIT.unavailable;
}
