/** Core's logger onto the Actions log: info lines, warnings as annotations. */
import * as core from '@actions/core';
import type { Logger } from '@stigmer/e2e-core';

export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
};
