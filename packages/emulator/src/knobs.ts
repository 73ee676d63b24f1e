/**
 * The emulator's knobs: environment variables read by the `stigmer` CLI, inherited by every
 * process it starts (as the real CLI passes its environment on). This module is the one place
 * their names live; `readSettings` (settings.ts) parses them, `emulatorEnv` builds them.
 */

/** Environment variable name of each knob. */
export const KNOB_ENV = {
  host: 'STIGMER_EMULATOR_HOST',
  serverPort: 'STIGMER_EMULATOR_SERVER_PORT',
  temporalPort: 'STIGMER_EMULATOR_TEMPORAL_PORT',
  ollamaPort: 'STIGMER_EMULATOR_OLLAMA_PORT',
  ollamaModels: 'STIGMER_EMULATOR_OLLAMA_MODELS',
  temporalDownloadMs: 'STIGMER_EMULATOR_TEMPORAL_DOWNLOAD_MS',
  ollamaDownloadMs: 'STIGMER_EMULATOR_OLLAMA_DOWNLOAD_MS',
  imagePullMs: 'STIGMER_EMULATOR_IMAGE_PULL_MS',
  modelPullMs: 'STIGMER_EMULATOR_MODEL_PULL_MS',
  supervisorStartWaitMs: 'STIGMER_EMULATOR_SUPERVISOR_START_WAIT_MS',
  supervisorStopWaitMs: 'STIGMER_EMULATOR_SUPERVISOR_STOP_WAIT_MS',
  healthCheckIntervalMs: 'STIGMER_EMULATOR_HEALTH_CHECK_INTERVAL_MS',
  restartDelayMs: 'STIGMER_EMULATOR_RESTART_DELAY_MS',
  dockerDir: 'STIGMER_EMULATOR_DOCKER_DIR',
  dockerUnavailable: 'STIGMER_EMULATOR_DOCKER_UNAVAILABLE',
  startDelayMs: 'STIGMER_EMULATOR_START_DELAY_MS',
  temporalReadyDelayMs: 'STIGMER_EMULATOR_TEMPORAL_READY_DELAY_MS',
  temporalNeverReady: 'STIGMER_EMULATOR_TEMPORAL_NEVER_READY',
  temporalFailStart: 'STIGMER_EMULATOR_TEMPORAL_FAIL_START',
  failStart: 'STIGMER_EMULATOR_FAIL_START',
  crashAfterMs: 'STIGMER_EMULATOR_CRASH_AFTER_MS',
  ignoreSigterm: 'STIGMER_EMULATOR_IGNORE_SIGTERM',
  stopTimeoutMs: 'STIGMER_EMULATOR_STOP_TIMEOUT_MS',
  stopHangs: 'STIGMER_EMULATOR_STOP_HANGS',
} as const satisfies Record<keyof EmulatorKnobs, string>;

/**
 * Typed knobs for one emulated stack. An unset field leaves the emulator's default: the real
 * CLI's fixed value where it has one, 0 for the stand-ins for download times.
 *
 * @example
 * const [serverPort, temporalPort, ollamaPort] = await getFreePorts(3);
 * const env = { ...process.env, HOME: tmpHome, ...emulatorEnv({ serverPort, temporalPort, ollamaPort }) };
 */
export interface EmulatorKnobs {
  /** Address every component binds and dials (the real one: `localhost`). Default `127.0.0.1`. */
  host?: string;
  /** stigmer-server port. Default 7234. */
  serverPort?: number;
  /** Managed Temporal port. Default 7233. */
  temporalPort?: number;
  /** The fake Ollama's HTTP port. Default 11434: tests must always set a free one. */
  ollamaPort?: number;
  /**
   * Models in the fake Ollama store (`~/.ollama/models`) when `ollama serve` first creates it.
   * Default none (a fresh machine); `emulatorEnv()` puts in the default model.
   */
  ollamaModels?: readonly string[];
  /** Stand-in for downloading the Temporal CLI into `~/.stigmer/bin` on first use. Default 0. */
  temporalDownloadMs?: number;
  /** Stand-in for downloading Ollama into `~/.stigmer/bin` on first use. Default 0. */
  ollamaDownloadMs?: number;
  /** Stand-in for `docker pull` of an image (minutes for agent-runner in reality). Default 0. */
  imagePullMs?: number;
  /** Stand-in for `ollama pull` of one model (several GB in reality). Default 0. */
  modelPullMs?: number;
  /** The supervisor's wait after starting workflow-runner (the real 2 s). */
  supervisorStartWaitMs?: number;
  /** The supervisor's SIGINT-to-SIGKILL wait when it stops workflow-runner (the real 2 s). */
  supervisorStopWaitMs?: number;
  /** The supervisor's health check interval (the real 10 s). */
  healthCheckIntervalMs?: number;
  /** The supervisor's pause between stopping and restarting a component (the real 5 s). */
  restartDelayMs?: number;
  /** State of the `docker` stand-in (images, containers). Default `~/.docker-emulator`. */
  dockerDir?: string;
  /** `docker version`/`info` fail as with no daemon: the supervisor goes on without agent-runner. */
  dockerUnavailable?: boolean;
  /** stigmer-server waits this long before it listens (a slow start). Default 0. */
  startDelayMs?: number;
  /** Time from Temporal's TCP listen to health SERVING. Default 300. */
  temporalReadyDelayMs?: number;
  /** Temporal answers NOT_SERVING forever. */
  temporalNeverReady?: boolean;
  /** Temporal exits 1 at once; the CLI's 10 s wait for its port fails the start. */
  temporalFailStart?: boolean;
  /** stigmer-server fails to open its database and exits 1 (after `stigmer server` returned 0). */
  failStart?: boolean;
  /** stigmer-server panics (exit 2) this many ms after it started listening. */
  crashAfterMs?: number;
  /** Emulated processes ignore SIGTERM (and SIGINT), so stops escalate to SIGKILL. */
  ignoreSigterm?: boolean;
  /** Every SIGTERM-to-SIGKILL wait of `stigmer server stop`. Default: the real ones (5 s, 10 s). */
  stopTimeoutMs?: number;
  /** `stigmer server stop` hangs forever without stopping anything. */
  stopHangs?: boolean;
}

/** The knobs `emulatorEnv()` sets unless told otherwise: a stack that starts, and fast. */
export const TEST_DEFAULTS: Readonly<EmulatorKnobs> = {
  ollamaModels: ['qwen2.5-coder:7b'],
  supervisorStartWaitMs: 300,
  supervisorStopWaitMs: 300,
};

/**
 * Knob values to environment variables. Unset (undefined/null) values are left out; booleans
 * become `'1'`/`'0'` so that `false` overrides a value inherited from the parent env; lists are
 * comma-separated (an empty list is an empty string).
 */
export function knobsToEnv(
  values: {
    [K in keyof EmulatorKnobs]?: EmulatorKnobs[K] | null;
  },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.keys(KNOB_ENV) as (keyof EmulatorKnobs)[]) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean') env[KNOB_ENV[key]] = value ? '1' : '0';
    else if (Array.isArray(value)) env[KNOB_ENV[key]] = value.join(',');
    else env[KNOB_ENV[key]] = String(value);
  }
  return env;
}
