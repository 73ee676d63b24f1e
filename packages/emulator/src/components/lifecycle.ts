import { KNOB_ENV } from '../knobs.js';
import type { Logger } from '../log/logger.js';
import type { EmulatorSettings } from '../settings.js';

/**
 * SIGTERM/SIGINT handling of an emulated long-running process: `shutdown` runs once and its
 * result is the exit code; with the ignore knob the signal is logged and ignored. Until this
 * is called a SIGTERM kills the process at once, as it does a Go program before its
 * `signal.Notify`.
 */
export function handleTermination(
  settings: EmulatorSettings,
  log: Logger,
  shutdown: (signal: NodeJS.Signals) => Promise<number> | number,
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (settings.ignoreSigterm) {
      log.warn(`Received ${signal}, ignoring it`, { knob: `${KNOB_ENV.ignoreSigterm}=1` });
      return;
    }
    if (stopping) return;
    stopping = true;
    Promise.resolve()
      .then(() => shutdown(signal))
      .then(
        (code) => process.exit(code),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/** Keeps an idle process alive (nothing else holds its event loop open). */
export function keepAlive(): void {
  setInterval(() => {}, 1 << 30);
}
