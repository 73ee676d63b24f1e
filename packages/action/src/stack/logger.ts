/** Core's logger onto the Actions log: info lines, warnings as annotations. */
import type { Logger } from '@stigmer/e2e-core';
import * as log from '../log.js';

export const actionsLogger: Logger = {
  info: (message) => log.info(message),
  warn: (message) => log.warning(message),
};
