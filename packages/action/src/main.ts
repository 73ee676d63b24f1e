/**
 * main: wait until the stack is ready (started by pre), set outputs and export its env. When pre
 * did not run (`uses: ./`) or the profile is a `config` file, install and start here first.
 */
import * as core from '@actions/core';
import { describeOutcome, formatSeconds, type HandleSnapshot } from '@stigmer/e2e-core';
import { getInputs, type Inputs } from './context.js';
import * as log from './log.js';
import { exportEnv, setOutputs, statusJson } from './report/outputs.js';
import { printLogTails } from './report/print-logs.js';
import { setUp } from './setup.js';
import { awaitReady } from './stack/await-ready.js';
import { configFile, stackProfile } from './stack/profile.js';
import { startInBackground } from './stack/start.js';
import { runStage } from './stage.js';
import * as stateHelper from './state-helper.js';

await runStage('main', async () => {
  const inputs = getInputs();
  if (!stateHelper.preRan()) {
    log.info('pre did not run (a local action, `uses: ./`): installing and starting here.');
    stateHelper.setStartedAt(Date.now());
    await setUp(inputs);
  }
  const configPath = inputs.config ? configFile(inputs.config) : null;
  if (configPath) stateHelper.setConfigPath(configPath);
  const profile = await stackProfile(inputs, { bin: stateHelper.bin(), configPath });

  let leaseId = stateHelper.leaseId();
  let snapshot: HandleSnapshot | null = null;
  if (!leaseId) {
    snapshot = await core.group(`Start ${profile.name}`, () => startInBackground(profile));
    leaseId = snapshot.leaseId;
  }
  if (leaseId) {
    const id = leaseId;
    snapshot = (
      await core.group(`Wait until ${profile.name} is ready`, () => awaitReady(profile, id, inputs))
    ).snapshot();
  }
  finish(snapshot!, inputs);
});

function finish(snapshot: HandleSnapshot, inputs: Inputs): void {
  const began = stateHelper.startedAt();
  const timeToReadyMs = snapshot.available && began ? Date.now() - began : null;
  stateHelper.setResult({ snapshot: statusJson(snapshot), timeToReadyMs });
  setOutputs(snapshot);
  exportEnv(snapshot, inputs.llmModel);
  if (snapshot.available) {
    log.info(
      `${snapshot.profile} is ready (${describeOutcome(snapshot.outcome, 'job')})${timeToReadyMs === null ? '' : `, ${formatSeconds(timeToReadyMs)} after the action began`}.`,
    );
    return;
  }
  if (snapshot.logTails.length > 0 && inputs.logLines > 0)
    printLogTails(snapshot.logTails, `${snapshot.profile} is unavailable`);
  const message = `${snapshot.profile} is unavailable: ${snapshot.reason}`;
  if (inputs.onUnavailable === 'fail')
    throw new Error(
      `${message}${snapshot.logTails.length > 0 ? '\nThe last log lines of each component are above.' : ''}\nSet \`on-unavailable: skip\` to go on without it (outputs say available=false).`,
    );
  log.warning(
    `${message}\non-unavailable: skip: the job goes on; the output \`available\` is false.`,
  );
}
