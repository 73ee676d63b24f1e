import type { Logger } from '@stigmer/e2e-core';

/**
 * The default logger writes to stderr: stdout may carry a machine-readable report
 * (`--reporter=json`), which a line of ours would corrupt.
 */
export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`[stigmer-e2e] ${message}\n`),
  warn: (message) => process.stderr.write(`[stigmer-e2e] warning: ${message}\n`),
};
