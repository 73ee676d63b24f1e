/**
 * main: wait until the stack is ready (started by pre), set outputs and export its env. When pre
 * did not run (`uses: ./`) or the profile is a `config` file, install and start here first; a
 * group (`config` naming several stacks) is started here, member after member.
 */
import * as core from '@actions/core';
import {
  describeGroupAvailable,
  describeMembers,
  describeOutcome,
  describeRelease,
  formatSeconds,
  type GroupSnapshot,
  type HandleSnapshot,
  isGroup,
  isGroupSnapshot,
} from '@stigmer/e2e-core';
import { getInputs, type Inputs } from './context.js';
import * as log from './log.js';
import { exportEnv, setOutputs, statusJson } from './report/outputs.js';
import { printLogTails } from './report/print-logs.js';
import { setUp } from './setup.js';
import { awaitReady } from './stack/await-ready.js';
import { configFile, stackProfile } from './stack/profile.js';
import { startInBackground } from './stack/start.js';
import { startGroup } from './stack/start-group.js';
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

  if (isGroup(profile)) {
    const order = profile.members.map((m) => m.name).join(', ');
    const snapshot = await core.group(`Start ${profile.name} (${order}, in dependency order)`, () =>
      startGroup(profile, inputs),
    );
    return finish(snapshot, inputs);
  }
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
  const sinceBegan =
    timeToReadyMs === null ? '' : `, ${formatSeconds(timeToReadyMs)} after the action began`;
  if (snapshot.available) {
    log.info(
      isGroupSnapshot(snapshot)
        ? `${describeGroupAvailable(snapshot, 'job')}\n${snapshot.profile} is ready${sinceBegan}.`
        : `${snapshot.profile} is ready (${describeOutcome(snapshot.outcome, 'job')})${sinceBegan}.`,
    );
    return;
  }
  if (snapshot.logTails.length > 0 && inputs.logLines > 0)
    printLogTails(snapshot.logTails, `${snapshot.profile} is unavailable`);
  const message = `${snapshot.profile} is unavailable: ${snapshot.reason}${isGroupSnapshot(snapshot) ? `\n${groupStory(snapshot)}` : ''}`;
  if (inputs.onUnavailable === 'fail')
    throw new Error(
      `${message}${snapshot.logTails.length > 0 ? '\nThe last log lines of each component are above.' : ''}\nSet \`on-unavailable: skip\` to go on without it (outputs say available=false).`,
    );
  log.warning(
    `${message}\non-unavailable: skip: the job goes on; the output \`available\` is false.`,
  );
}

/** Each member, and what this job released of the others once one failed. */
function groupStory(snapshot: GroupSnapshot): string {
  const released = snapshot.cleanup.map((r) => {
    const outcome = snapshot.members.find((m) => m.name === r.name)?.outcome ?? null;
    return `  ${describeRelease(r.name, outcome, r, 'job')}`;
  });
  return [
    describeMembers(snapshot.members, 'job'),
    ...(released.length > 0 ? ['Released what this job held of the others:', ...released] : []),
  ].join('\n');
}
