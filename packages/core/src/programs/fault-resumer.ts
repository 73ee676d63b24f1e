/**
 * `node fault-resumer.js <stateDir> <pauseFile>`: the guarantee that a paused component is
 * resumed even if the run that paused it dies. Started detached (no stdio, its own group) with
 * each pause; at the pause's end, or as soon as its holder is proven dead, it thaws the very
 * process or container paused (by identity) and deletes the record. A record deleted by someone
 * else (resumed early, on release, before a stop) means its work is done: it exits.
 */
import { existsSync } from 'node:fs';
import { readPause, resumePause } from '../fault/pauses.js';
import { isProvenDead } from '../process/identity.js';
import { sleep } from '../util/sleep.js';

const POLL_MS = 100;
const log = (message: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
};

async function main(stateDir: string, file: string): Promise<void> {
  const record = readPause(file);
  if (!record) return log(`no pause at ${file}: exiting`);
  log(
    `resuming ${record.target.component} at ${new Date(record.resumeAt).toISOString()} at the latest`,
  );
  for (;;) {
    if (!existsSync(file)) return log('resumed by someone else: exiting');
    const holderDead = record.holder !== null && (await isProvenDead(record.holder));
    if (holderDead || Date.now() >= record.resumeAt) {
      const done = await resumePause(stateDir, record);
      return log(`${holderDead ? 'the pausing run died' : 'the pause is over'}: ${done}`);
    }
    await sleep(Math.min(POLL_MS, Math.max(1, record.resumeAt - Date.now())));
  }
}

const [stateDir, file] = process.argv.slice(2);
if (!stateDir || !file) {
  process.stderr.write('usage: fault-resumer.js <stateDir> <pauseFile>\n');
  process.exit(2);
}
main(stateDir, file).then(
  () => process.exit(0),
  (error: unknown) => {
    log(`resumer failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
