/** Library entry for tests in other packages: where the emulator is and how to configure it. */
import { fileURLToPath } from 'node:url';

/** Absolute path of the emulator's `stigmer` executable (`dist/cli.js`); run it with `node`. */
export const emulatorBin: string = fileURLToPath(new URL('./cli.js', import.meta.url));

export { emulatorEnv } from './emulator-env.js';
export { KnobError } from './errors.js';
export { getFreePorts } from './free-ports.js';
export { type EmulatorKnobs, KNOB_ENV } from './knobs.js';
export { type StigmerLayout, stigmerLayout } from './layout.js';
// The checks every suite makes of what it started: is the port open, is the process alive.
export { canConnect } from './net/tcp.js';
export { isAlive } from './process/identity.js';
export { waitFor } from './wait-for.js';
