/**
 * The emulator's knobs: environment variables read by the `stigmer` CLI and passed on to every
 * component it spawns. This module is the one place their names live; the CLI parses them with
 * `readSettings` (settings.ts) and tests build them with `emulatorEnv` (emulator-env.ts).
 */

/** Environment variable name of each knob. */
export const KNOB_ENV = {
  host: 'STIGMER_EMULATOR_HOST',
  serverPort: 'STIGMER_EMULATOR_SERVER_PORT',
  temporalPort: 'STIGMER_EMULATOR_TEMPORAL_PORT',
  workflowRunnerPort: 'STIGMER_EMULATOR_WORKFLOW_RUNNER_PORT',
  startDelayMs: 'STIGMER_EMULATOR_START_DELAY_MS',
  temporalReadyDelayMs: 'STIGMER_EMULATOR_TEMPORAL_READY_DELAY_MS',
  temporalNeverReady: 'STIGMER_EMULATOR_TEMPORAL_NEVER_READY',
  failStart: 'STIGMER_EMULATOR_FAIL_START',
  crashAfterMs: 'STIGMER_EMULATOR_CRASH_AFTER_MS',
  ignoreSigterm: 'STIGMER_EMULATOR_IGNORE_SIGTERM',
  stopTimeoutMs: 'STIGMER_EMULATOR_STOP_TIMEOUT_MS',
  stopHangs: 'STIGMER_EMULATOR_STOP_HANGS',
} as const satisfies Record<keyof EmulatorKnobs, string>;

/**
 * Typed knobs for one emulated stack. Every field is optional; an unset field leaves the
 * emulator's default (the real CLI's fixed value where there is one).
 *
 * @example
 * const [serverPort, temporalPort, workflowRunnerPort] = await getFreePorts(3);
 * const env = { ...process.env, HOME: tmpHome, ...emulatorEnv({ serverPort, temporalPort, workflowRunnerPort }) };
 */
export interface EmulatorKnobs {
  /** Address every component binds to. Default `127.0.0.1`; `::1` works too. */
  host?: string;
  /** stigmer-server gRPC port. Default 7234. */
  serverPort?: number;
  /** Temporal gRPC port. Default 7233. */
  temporalPort?: number;
  /** workflow-runner gRPC port. Default 7235. */
  workflowRunnerPort?: number;
  /** stigmer-server waits this long before it listens (a slow start). Default 0. */
  startDelayMs?: number;
  /** Time from Temporal's TCP listen to health SERVING. Default 300. */
  temporalReadyDelayMs?: number;
  /** Temporal answers NOT_SERVING forever. */
  temporalNeverReady?: boolean;
  /** stigmer-server logs a database error and exits 1; `stigmer server` fails. */
  failStart?: boolean;
  /** stigmer-server panics (exit 1) this many ms after it started listening. */
  crashAfterMs?: number;
  /** Components ignore SIGTERM, so a stop has to escalate to SIGKILL. */
  ignoreSigterm?: boolean;
  /** `stigmer server stop`: SIGTERM-to-SIGKILL wait per component. Default 10000 (the real, fixed value). */
  stopTimeoutMs?: number;
  /** `stigmer server stop` hangs forever without stopping anything. */
  stopHangs?: boolean;
}

/**
 * Knob values to environment variables. Unset (undefined/null) values are left out; booleans
 * become `'1'`/`'0'` so that `false` overrides a value inherited from the parent env.
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
    env[KNOB_ENV[key]] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return env;
}
