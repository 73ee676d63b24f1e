import { KnobError } from './errors.js';
import { type EmulatorKnobs, KNOB_ENV, knobsToEnv } from './knobs.js';

/** The real CLI's fixed ports; the knobs only move them for test isolation. */
const DEFAULT_SERVER_PORT = 7234;
const DEFAULT_TEMPORAL_PORT = 7233;
const DEFAULT_WORKFLOW_RUNNER_PORT = 7235;
/** The real CLI waits 10 s (20 polls of 500 ms) before SIGKILL. */
const DEFAULT_STOP_TIMEOUT_MS = 10_000;
const DEFAULT_TEMPORAL_READY_DELAY_MS = 300;

/** Every knob resolved to a value: what the CLI and the components act on. */
export interface EmulatorSettings extends Required<Omit<EmulatorKnobs, 'crashAfterMs'>> {
  crashAfterMs: number | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the knobs from an environment; throws KnobError naming the bad variable. */
export function readSettings(env: Env = process.env): EmulatorSettings {
  return {
    host: readHost(env),
    serverPort: readPort(env, 'serverPort', DEFAULT_SERVER_PORT),
    temporalPort: readPort(env, 'temporalPort', DEFAULT_TEMPORAL_PORT),
    workflowRunnerPort: readPort(env, 'workflowRunnerPort', DEFAULT_WORKFLOW_RUNNER_PORT),
    startDelayMs: readMs(env, 'startDelayMs') ?? 0,
    temporalReadyDelayMs: readMs(env, 'temporalReadyDelayMs') ?? DEFAULT_TEMPORAL_READY_DELAY_MS,
    temporalNeverReady: readFlag(env, 'temporalNeverReady'),
    failStart: readFlag(env, 'failStart'),
    crashAfterMs: readMs(env, 'crashAfterMs'),
    ignoreSigterm: readFlag(env, 'ignoreSigterm'),
    stopTimeoutMs: readMs(env, 'stopTimeoutMs') ?? DEFAULT_STOP_TIMEOUT_MS,
    stopHangs: readFlag(env, 'stopHangs'),
  };
}

/** The knobs as environment variables with every value explicit, for the spawned components. */
export function settingsEnv(settings: EmulatorSettings): Record<string, string> {
  return knobsToEnv(settings);
}

function raw(env: Env, key: keyof EmulatorKnobs): string | undefined {
  const value = env[KNOB_ENV[key]]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readHost(env: Env): string {
  const value = raw(env, 'host') ?? '127.0.0.1';
  // A bracketed IPv6 literal is a common slip; gRPC wants the bare address here.
  if (value.startsWith('[')) {
    throw new KnobError(
      `Expected ${KNOB_ENV.host} to be a bare host or IP (e.g. 127.0.0.1 or ::1), got \`${value}\`. Drop the brackets.`,
    );
  }
  return value;
}

function readPort(env: Env, key: keyof EmulatorKnobs, fallback: number): number {
  const value = raw(env, key);
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new KnobError(
      `Expected ${KNOB_ENV[key]} to be a TCP port (an integer 1-65535), got \`${value}\`.`,
    );
  }
  return port;
}

function readMs(env: Env, key: keyof EmulatorKnobs): number | null {
  const value = raw(env, key);
  if (value === undefined) return null;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new KnobError(
      `Expected ${KNOB_ENV[key]} to be a non-negative integer (milliseconds), got \`${value}\`.`,
    );
  }
  return ms;
}

function readFlag(env: Env, key: keyof EmulatorKnobs): boolean {
  const value = raw(env, key)?.toLowerCase();
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new KnobError(
    `Expected ${KNOB_ENV[key]} to be 1/true or 0/false, got \`${raw(env, key)}\`.`,
  );
}
