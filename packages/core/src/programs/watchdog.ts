/**
 * The watchdog program: `node main.js <stateDir> <startedAt>`. Polls the state dir; once no live
 * lease has remained for a grace period, stops the stack under the lock, exactly as the last
 * release would have. Exits when the ownership it watches is gone.
 */
import { partitionLeases } from '../state/leases.js';
import { readState } from '../state/state-file.js';
import { sleep } from '../util/sleep.js';
import { readProfileCopy } from './spawn-watchdog.js';

const POLL_MS = 1_000;
/** Holders may be gone briefly without meaning it (a watch-mode rerun): wait this long first. */
const GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5_000);

const log = (message: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
};

async function main(stateDir: string, startedAt: number): Promise<void> {
  const profile = await readProfileCopy(stateDir);
  log(
    `watching ${profile.name} (started ${new Date(startedAt).toISOString()}), grace ${GRACE_MS} ms`,
  );
  let abandonedSince: number | null = null;
  let liveBefore = -1;
  for (;;) {
    const { state } = await readState(stateDir, { repair: false });
    if (state.owner?.startedAt !== startedAt) return log('ownership released or replaced: exiting');
    const { live } = await partitionLeases(state.leases);
    if (live.length !== liveBefore && live.length > 0)
      log(`${live.length} live lease(s): ${live.map((l) => l.label).join(', ')}`);
    liveBefore = live.length;
    if (live.length > 0) {
      abandonedSince = null;
    } else if (abandonedSince === null) {
      abandonedSince = Date.now();
      log('no live lease: waiting out the grace period');
    } else if (Date.now() - abandonedSince >= GRACE_MS) {
      // Loaded only now: the stop path (execa, signals) is the heavy part of core.
      const [{ withLock }, { stopAndDisown }] = await Promise.all([
        import('../state/lock.js'),
        import('../stack/stop.js'),
      ]);
      const onWait = (holder: { pid: number }) =>
        log(`waiting for the lock (held by pid ${holder.pid}) to stop the stack`);
      await withLock(
        stateDir,
        async () => {
          const { state: now } = await readState(stateDir);
          if (now.owner?.startedAt !== startedAt) return;
          // A run may have taken a lease between the poll and the lock.
          if ((await partitionLeases(now.leases)).live.length > 0)
            return log('a lease was taken meanwhile: not stopping');
          log('every lease holder died without releasing: stopping the stack');
          await stopAndDisown(profile, now, now.owner, {
            leases: [],
            logger: { info: log, warn: log },
          });
        },
        { onWait },
      );
      abandonedSince = null;
    }
    await sleep(POLL_MS);
  }
}

const [stateDir, startedAt] = process.argv.slice(2);
if (!stateDir || !startedAt) {
  process.stderr.write('usage: main.js <stateDir> <startedAt>\n');
  process.exit(2);
}
main(stateDir, Number(startedAt)).then(
  () => process.exit(0),
  (error: unknown) => {
    log(`watchdog failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
