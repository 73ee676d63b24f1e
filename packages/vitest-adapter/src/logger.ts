import { type Logger, redact } from '@stigmer/e2e-core';

/**
 * The default logger writes to stderr: stdout may carry a machine-readable report
 * (`--reporter=json`), which a line of ours would corrupt. Secrets are replaced by core's policy.
 */
export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`[stigmer-e2e] ${redact(message)}\n`),
  warn: (message) => process.stderr.write(`[stigmer-e2e] warning: ${redact(message)}\n`),
};
