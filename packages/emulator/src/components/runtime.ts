import { KNOB_ENV } from '../knobs.js';
import { type StigmerLayout, stigmerLayout } from '../layout.js';
import { type EmulatorSettings, readSettings } from '../settings.js';
import type { HealthServer } from './grpc-health-server.js';

/** How long a component gives its servers to close before exiting anyway. */
const SHUTDOWN_GRACE_MS = 2_000;

export interface Logger {
  info(message: string): void;
  /** Errors go to stderr (the `.err` twin) and to stdout too, so `.log` tells the whole story. */
  error(message: string): void;
}

export interface ComponentRuntime {
  name: string;
  settings: EmulatorSettings;
  layout: StigmerLayout;
  log: Logger;
  /** Registers cleanup run on SIGTERM/SIGINT before the process exits 0. */
  onShutdown(cleanup: () => Promise<void> | void): void;
}

/**
 * Common start of every component process: settings from the knobs the CLI passed on, the
 * layout from `--home`, a line logger, and SIGTERM handling (honouring the ignore knob).
 */
export function startComponent(name: string): ComponentRuntime {
  const log = createLogger(name);
  const home = argValue('--home');
  if (home === undefined) {
    log.error(`missing --home <dir>: ${name} is started by the stigmer CLI, not by hand`);
    process.exit(2);
  }
  let settings: EmulatorSettings;
  try {
    settings = readSettings();
  } catch (error) {
    log.error((error as Error).message);
    process.exit(2);
  }
  const cleanups: (() => Promise<void> | void)[] = [];
  const shutdown = (signal: NodeJS.Signals) => {
    if (settings.ignoreSigterm) {
      log.info(`received ${signal}, ignoring it (${KNOB_ENV.ignoreSigterm}=1)`);
      return;
    }
    log.info(`received ${signal}, shutting down`);
    // Exit even if a cleanup hangs: a stop must not wait on us longer than it has to.
    setTimeout(() => exit(log, 0), SHUTDOWN_GRACE_MS).unref();
    Promise.allSettled(cleanups.map((cleanup) => cleanup())).then(() => exit(log, 0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  log.info(`starting ${name} (pid ${process.pid}, node ${process.version})`);
  return {
    name,
    settings,
    layout: stigmerLayout(home),
    log,
    onShutdown: (cleanup) => cleanups.push(cleanup),
  };
}

/**
 * grpc-js takes a while to load (long on a busy machine); components import it only after
 * `startComponent` has installed the SIGTERM handling, so an early stop is handled too.
 */
export async function serveHealth(
  ...args: Parameters<typeof import('./grpc-health-server.js').startHealthServer>
): Promise<HealthServer> {
  const { startHealthServer } = await import('./grpc-health-server.js');
  return startHealthServer(...args);
}

/** Logs, then exits; the streams are files, so the writes are already flushed. */
export function exit(log: Logger, code: number): never {
  log.info(`exiting with code ${code}`);
  process.exit(code);
}

function createLogger(name: string): Logger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level.padEnd(5)} ${name}: ${message}\n`;
  return {
    info: (message) => process.stdout.write(line('INFO', message)),
    error: (message) => {
      process.stdout.write(line('ERROR', message));
      process.stderr.write(line('ERROR', message));
    },
  };
}

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index === -1 ? undefined : process.argv[index + 1];
}
