/** Library entry for tests in other packages: where the emulator is and how to configure it. */
import { fileURLToPath } from 'node:url';

/** Absolute path of the emulator's `stigmer` executable (`dist/cli.js`); run it with `node`. */
export const emulatorBin: string = fileURLToPath(new URL('./cli.js', import.meta.url));

/**
 * The directory holding the `docker` stand-in (`bin/docker`). Put it first on PATH for every
 * `stigmer` the tests run: no Docker engine exists here, and the real CLI's supervisor runs
 * agent-runner through `docker`.
 */
export const dockerBinDir: string = fileURLToPath(new URL('../bin', import.meta.url));

export { type EmulatedMachine, emulatedMachine } from './emulated-machine.js';
export { emulatorEnv } from './emulator-env.js';
export { KnobError } from './errors.js';
export { getFreePorts } from './free-ports.js';
export { type EmulatorKnobs, KNOB_ENV } from './knobs.js';
export { type StigmerLayout, stigmerLayout } from './layout.js';
// The checks every suite makes of what it started: is the port open, is the process alive.
export { canConnect } from './net/tcp.js';
// What a stop leaves running (managed Temporal, Ollama), for a test's cleanup.
export { emulatorProcesses, killEmulatorProcesses } from './process/emulator-processes.js';
export { isAlive } from './process/identity.js';
export type { OwnProcess } from './process/terminate.js';
export { waitFor } from './wait-for.js';
