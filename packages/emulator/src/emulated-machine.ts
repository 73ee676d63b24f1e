import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { emulatorEnv } from './emulator-env.js';
import { getFreePorts } from './free-ports.js';
import type { EmulatorKnobs } from './knobs.js';
import { killEmulatorProcesses } from './process/emulator-processes.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./cli.js', import.meta.url));
const DOCKER_BIN_DIR = fileURLToPath(new URL('../bin', import.meta.url));

/** One developer machine, emulated: a HOME, the stack's ports, a Docker daemon's state. */
export interface EmulatedMachine {
  readonly home: string;
  /** Free ports of its own: the real ones (7233, 7234, 11434) are shared by every test. */
  readonly ports: { readonly server: number; readonly temporal: number; readonly ollama: number };
  /**
   * The environment every process of this machine runs with, merged over `process.env`: HOME,
   * the knobs, and PATH with the `docker` stand-in first. `stigmer`, and the engine's own
   * `docker inspect` probe, must see the same one, as on a real machine with one daemon.
   */
  readonly env: Record<string, string>;
  /** The addresses a client of this stack dials (what `stigmer-e2e` exports, by its names). */
  readonly addresses: { readonly STIGMER_SERVER_ADDR: string; readonly TEMPORAL_ADDRESS: string };
  /** Runs the emulated `stigmer` as a developer would, e.g. `cli('server')`. */
  cli(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /**
   * Stops everything that runs for this HOME: `stigmer server stop` with short waits, then
   * SIGKILL to what a real stop leaves on purpose (Temporal, Ollama). Test cleanup; never throws.
   */
  cleanup(): Promise<void>;
}

/**
 * An emulated machine for one test: `stigmer` (the emulator) in `home` on free ports, its fake
 * Ollama on a free port (on the default one another test's would answer, and the CLI, taking it
 * for its own, fails), its `docker` stand-in's state under `home`. No Docker engine runs here:
 * the stand-in is the mock.
 *
 * @example
 * const machine = await emulatedMachine(home);
 * spawn('stigmer-e2e', ['up'], { env: { ...process.env, ...machine.env, ...machine.addresses } });
 * onTestFinished(() => machine.cleanup());
 */
export async function emulatedMachine(
  home: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedMachine> {
  const [server, temporal, ollama] = (await getFreePorts(3)) as [number, number, number];
  const base = {
    serverPort: server,
    temporalPort: temporal,
    ollamaPort: ollama,
    dockerDir: path.join(home, '.docker-emulator'),
  };
  const envOf = (machineKnobs: EmulatorKnobs): Record<string, string> => ({
    ...emulatorEnv(machineKnobs),
    HOME: home,
    PATH: withDockerFirst(process.env.PATH),
  });
  const env = envOf({ ...base, ...knobs });
  const cli = (cliEnv: Record<string, string>, args: string[]) =>
    run(process.execPath, [CLI, ...args], { env: { ...process.env, ...cliEnv }, timeout: 90_000 });
  return {
    home,
    ports: { server, temporal, ollama },
    env,
    addresses: {
      STIGMER_SERVER_ADDR: `localhost:${server}`,
      TEMPORAL_ADDRESS: `localhost:${temporal}`,
    },
    cli: (...args) => cli(env, args),
    async cleanup() {
      await cli(envOf({ ...base, stopTimeoutMs: 1_000 }), ['server', 'stop']).catch(() => {});
      // A `stigmer server` still starting (a test that ended mid-start) spawns Ollama and
      // Temporal as it is killed: look again until a look finds nothing.
      for (let look = 0; look < 30 && killEmulatorProcesses(home).length > 0; look++)
        await new Promise((resolve) => setTimeout(resolve, 100));
    },
  };
}

function withDockerFirst(pathVar = ''): string {
  const entries = pathVar.split(path.delimiter).filter((entry) => entry !== DOCKER_BIN_DIR);
  return [DOCKER_BIN_DIR, ...entries].join(path.delimiter);
}
