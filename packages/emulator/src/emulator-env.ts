import { type EmulatorKnobs, knobsToEnv } from './knobs.js';
import { readSettings } from './settings.js';

/**
 * Maps typed knobs to the environment variables the emulator reads (unset fields are left out,
 * booleans become `'1'`/`'0'`). Throws KnobError on a value the emulator would reject, so a typo
 * fails in the test that wrote it, not later in a detached component.
 *
 * @example
 * const [serverPort, temporalPort, workflowRunnerPort] = await getFreePorts(3);
 * execFile('node', [emulatorBin, 'server'], {
 *   env: { ...process.env, HOME: home, ...emulatorEnv({ serverPort, temporalPort, workflowRunnerPort }) },
 * });
 */
export function emulatorEnv(knobs: EmulatorKnobs = {}): Record<string, string> {
  const env = knobsToEnv(knobs);
  readSettings(env);
  return env;
}
