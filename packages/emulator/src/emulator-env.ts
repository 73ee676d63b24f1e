import { type EmulatorKnobs, knobsToEnv, TEST_DEFAULTS } from './knobs.js';
import { readSettings } from './settings.js';

/**
 * The environment variables for an emulated stack that starts, and fast: a model in the fake
 * Ollama store and short supervisor waits (TEST_DEFAULTS), overridden by `knobs`. Unset fields
 * are left out, booleans become `'1'`/`'0'`. Throws KnobError on a value the emulator would
 * reject, so a typo fails in the test that wrote it, not later in a spawned process.
 *
 * Ports are the caller's: the real ones (7233, 7234, 11434) are shared by every stack on the
 * machine, so tests pass free ones.
 *
 * @example
 * const [serverPort, temporalPort, ollamaPort] = await getFreePorts(3);
 * execFile('node', [emulatorBin, 'server'], {
 *   env: { ...process.env, PATH: `${dockerBinDir}:${process.env.PATH}`, HOME: home,
 *     ...emulatorEnv({ serverPort, temporalPort, ollamaPort }) },
 * });
 */
export function emulatorEnv(knobs: EmulatorKnobs = {}): Record<string, string> {
  const env = knobsToEnv({ ...TEST_DEFAULTS, ...knobs });
  readSettings(env);
  return env;
}
