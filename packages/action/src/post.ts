/**
 * post (always, even when main failed or was skipped): show the logs if something went wrong,
 * release the action's lease (stopping the stack only if this job owns it, per `stop`), write the
 * job summary and save the caches that missed. Never fails the job: every problem is a warning.
 */
import * as core from '@actions/core';
import { readLogTails } from '@stigmer/e2e-core';
import { cacheStore } from './cache/cache-store.js';
import { saveEntries } from './cache/caches.js';
import { getInputs, type Inputs } from './context.js';
import * as log from './log.js';
import { jobStatus } from './report/job-status.js';
import { printLogTails } from './report/print-logs.js';
import { writeSummary } from './report/summary.js';
import { stackProfile } from './stack/profile.js';
import * as target from './stack/target.js';
import { attempt, errorMessage, runStage } from './stage.js';
import * as stateHelper from './state-helper.js';

await runStage('post', async () => {
  const inputs = readInputs();
  const leaseId = stateHelper.leaseId();
  const result = stateHelper.result();
  const profile = await attempt('Loading the profile', () =>
    stackProfile(inputs, { bin: stateHelper.bin(), configPath: stateHelper.configPath() }),
  );
  const used = profile && (leaseId !== null || result !== null);

  let components = result?.snapshot.components ?? [];
  if (used) {
    await attempt('Showing the logs', async () => {
      const now = await target.components(profile);
      if (components.length === 0) components = now;
      const why = await whyShowLogs(inputs, result, now);
      if (why && inputs.logLines > 0)
        printLogTails(await readLogTails(target.logs(profile), inputs.logLines), why);
    });
  }

  // Read before the release, which may stop the stack.
  const usage = used ? await attempt('Reading resource usage', () => target.usage(profile)) : null;

  let post =
    'nothing to release: the action took no lease (it stopped before the start, or the stack was unavailable).';
  if (profile && leaseId) {
    const released = await attempt('Releasing the stack', () =>
      core.group(`Release ${profile.name} (stop: ${inputs.stop})`, () =>
        target.release(profile, leaseId, inputs.stop, {
          snapshot: result?.snapshot ?? null,
          outcome: stateHelper.outcome(),
        }),
      ),
    );
    post = released ?? `${profile.name}: releasing failed (see the warnings).`;
    log.info(post);
  } else {
    log.info(post);
  }

  if (profile && (used || leaseId))
    await attempt('Writing the job summary', () =>
      writeSummary({
        profile: profile.name,
        result,
        components,
        post,
        usage,
        caches: stateHelper.cacheOutcomes(),
      }),
    );

  const misses = stateHelper.cacheMisses();
  if (inputs.cache && misses.length > 0)
    await attempt('Saving caches', () =>
      core.group('Save caches', async () => saveEntries(await cacheStore(), misses)),
    );
});

/** Post must run whatever happened: bad inputs were reported by pre or main already. */
function readInputs(): Inputs {
  try {
    return getInputs();
  } catch (error) {
    log.warning(`${errorMessage(error)} post goes on with the defaults (stop: if-owned).`);
    return getInputs(() => '');
  }
}

/** Why the logs are worth showing, or null when all went well. */
async function whyShowLogs(
  inputs: Inputs,
  result: stateHelper.MainResult | null,
  now: ReadonlyArray<{ name: string; required: boolean; ready: boolean }>,
): Promise<string | null> {
  if (!result) return 'main did not finish';
  if (!result.snapshot.available) return 'the stack was unavailable';
  const down = now.filter((c) => c.required && !c.ready).map((c) => c.name);
  if (down.length > 0) return `required component(s) down now: ${down.join(', ')}`;
  const job = await jobStatus(inputs.githubToken);
  if (job.kind === 'failed') return `the step "${job.step}" failed`;
  if (job.kind === 'unknown') return `the job's status is unknown: ${job.why}`;
  return null;
}
