/**
 * pre (job set-up, before checkout): install the CLI, restore caches, and start the stack in the
 * background, returning at once so the stack boots while checkout and installs run.
 */
import * as core from '@actions/core';
import { getInputs } from './context.js';
import * as log from './log.js';
import { setUp } from './setup.js';
import { stigmerProfile } from './stack/profile.js';
import { startInBackground } from './stack/start.js';
import { runStage } from './stage.js';
import * as stateHelper from './state-helper.js';

await runStage('pre', async () => {
  stateHelper.setStartedAt(Date.now());
  const inputs = getInputs();
  stateHelper.setPreRan();
  await setUp(inputs);
  if (inputs.config) {
    log.info(
      '`config` is set: the profile file is in the repository, which is not checked out yet when pre runs; the stack starts in main.',
    );
    return;
  }
  await core.group('Start the stack in the background', async () => {
    const profile = stigmerProfile(inputs, stateHelper.bin());
    const snapshot = await startInBackground(profile);
    if (snapshot.outcome === 'unavailable')
      log.info(`Not started: ${snapshot.reason}. main will look again.`);
    else if (snapshot.pending)
      log.info(
        `${snapshot.profile}: ${snapshot.outcome}, booting in the background (lease ${snapshot.leaseId}); main waits until it is ready.`,
      );
    else
      log.info(
        `${snapshot.profile}: ${snapshot.outcome}, already ready (lease ${snapshot.leaseId}).`,
      );
  });
});
