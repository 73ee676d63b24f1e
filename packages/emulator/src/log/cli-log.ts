import { createLogger, type Logger } from './logger.js';

/**
 * The CLI's own zerolog: disabled unless `--debug`/`-d` (cmd/stigmer/root.go), then console
 * lines on stderr. Every CLI-side module logs through this one.
 */
let enabled = false;
const sink = createLogger(undefined, (line) => {
  if (enabled) process.stderr.write(line);
});

export const cliLog: Logger = sink;

export function enableDebugLog(): void {
  enabled = true;
}
