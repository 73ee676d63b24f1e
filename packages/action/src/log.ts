/** Every line the action prints itself, secrets replaced (the runner's masking is a second guard). */
import * as core from '@actions/core';
import { redactSecrets } from './secrets.js';

export const info = (message: string): void => core.info(redactSecrets(message));
export const warning = (message: string): void => core.warning(redactSecrets(message));
/** Fails the step (pre or main) with this message. */
export const fail = (message: string): void => core.setFailed(redactSecrets(message));
