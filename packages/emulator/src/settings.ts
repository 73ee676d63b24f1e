import { homedir } from 'node:os';
import { join } from 'node:path';
import { KnobError } from './errors.js';
import { type EmulatorKnobs, KNOB_ENV } from './knobs.js';

/** Every knob resolved to a value: what the emulated processes act on. */
export interface EmulatorSettings {
  host: string;
  serverPort: number;
  temporalPort: number;
  ollamaPort: number;
  ollamaModels: string[];
  temporalDownloadMs: number;
  ollamaDownloadMs: number;
  imagePullMs: number;
  modelPullMs: number;
  supervisorStartWaitMs: number;
  supervisorStopWaitMs: number;
  healthCheckIntervalMs: number;
  restartDelayMs: number;
  dockerDir: string;
  dockerUnavailable: boolean;
  startDelayMs: number;
  temporalReadyDelayMs: number;
  temporalNeverReady: boolean;
  temporalFailStart: boolean;
  failStart: boolean;
  crashAfterMs: number | null;
  ignoreSigterm: boolean;
  /** null: the real, per-component waits. */
  stopTimeoutMs: number | null;
  stopHangs: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the knobs from an environment; throws KnobError naming the bad variable. */
export function readSettings(env: Env = process.env): EmulatorSettings {
  const ms = (key: keyof EmulatorKnobs, fallback: number) => readMs(env, key) ?? fallback;
  return {
    host: readHost(env),
    // The real CLI's fixed ports; the knobs only move them for test isolation.
    serverPort: readPort(env, 'serverPort', 7234),
    temporalPort: readPort(env, 'temporalPort', 7233),
    ollamaPort: readPort(env, 'ollamaPort', 11434),
    ollamaModels: readList(env, 'ollamaModels'),
    temporalDownloadMs: ms('temporalDownloadMs', 0),
    ollamaDownloadMs: ms('ollamaDownloadMs', 0),
    imagePullMs: ms('imagePullMs', 0),
    modelPullMs: ms('modelPullMs', 0),
    // The supervisor's fixed timings (backend/.../supervisor/supervisor.go).
    supervisorStartWaitMs: ms('supervisorStartWaitMs', 2_000),
    supervisorStopWaitMs: ms('supervisorStopWaitMs', 2_000),
    healthCheckIntervalMs: ms('healthCheckIntervalMs', 10_000),
    restartDelayMs: ms('restartDelayMs', 5_000),
    dockerDir: raw(env, 'dockerDir') ?? join(env.HOME || homedir(), '.docker-emulator'),
    dockerUnavailable: readFlag(env, 'dockerUnavailable'),
    startDelayMs: ms('startDelayMs', 0),
    temporalReadyDelayMs: ms('temporalReadyDelayMs', 300),
    temporalNeverReady: readFlag(env, 'temporalNeverReady'),
    temporalFailStart: readFlag(env, 'temporalFailStart'),
    failStart: readFlag(env, 'failStart'),
    crashAfterMs: readMs(env, 'crashAfterMs'),
    ignoreSigterm: readFlag(env, 'ignoreSigterm'),
    stopTimeoutMs: readMs(env, 'stopTimeoutMs'),
    stopHangs: readFlag(env, 'stopHangs'),
  };
}

function raw(env: Env, key: keyof EmulatorKnobs): string | undefined {
  const value = env[KNOB_ENV[key]]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readHost(env: Env): string {
  const value = raw(env, 'host') ?? '127.0.0.1';
  // A bracketed IPv6 literal is a common slip; sockets want the bare address here.
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

/** A comma-separated list; unset and empty both mean none. */
function readList(env: Env, key: keyof EmulatorKnobs): string[] {
  const items = (raw(env, key) ?? '').split(',').map((item) => item.trim());
  const bad = items.find((item) => /\s/.test(item));
  if (bad !== undefined) {
    throw new KnobError(
      `Expected ${KNOB_ENV[key]} to be comma-separated names without spaces, got \`${bad}\`.`,
    );
  }
  return items.filter((item) => item !== '');
}
