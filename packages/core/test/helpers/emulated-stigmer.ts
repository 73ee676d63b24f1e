/**
 * A Stigmer stack emulated in its own HOME on free ports: the emulator of the real `stigmer` CLI
 * (it returns before :7234 opens, leaves Temporal and Ollama running after `stop`, restarts
 * workflow-runner) and its `docker` stand-in first on PATH (there is no Docker engine here: the
 * stand-in is the mock, said so here, and it runs agent-runner as a real process).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  dockerBinDir,
  type EmulatorKnobs,
  emulatedMachine,
  emulatorBin,
  KNOB_ENV,
  waitFor,
} from '@stigmer/e2e-emulator';
import { type Profile, type StigmerOptions, stigmer } from '../../src/index.js';
import { portAccepts } from './processes.js';

export interface EmulatedStigmer {
  readonly home: string;
  readonly ports: { server: number; temporal: number; ollama: number };
  /** The environment under which `stigmer` (the emulator) runs this stack. */
  readonly env: Record<string, string>;
  /** The stigmer() options of this stack, as data (a group config's `options`). */
  options(extra?: StigmerOptions): StigmerOptions;
  profile(options?: StigmerOptions): Profile;
  /** Runs the emulator's `stigmer` directly, as a developer would. */
  cli(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** `stigmer server` by hand, then waits until the whole stack is up (the CLI returns before). */
  startOutside(): Promise<void>;
  /** Stops whatever runs in this HOME, Temporal and Ollama included (a real stop leaves them). */
  cleanup(): Promise<void>;
  pid(file: 'daemon' | 'workflow-runner' | 'temporal'): Promise<number | null>;
}

export async function emulatedStigmer(
  home: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedStigmer> {
  const machine = await emulatedMachine(home, knobs);
  // Core's own docker probe runs in this process: the same `docker`, the same daemon state.
  if (!process.env.PATH?.startsWith(dockerBinDir))
    process.env.PATH = `${dockerBinDir}${path.delimiter}${process.env.PATH}`;
  process.env[KNOB_ENV.dockerDir] = machine.env[KNOB_ENV.dockerDir];
  const { server, temporal } = machine.ports;
  const env = machine.env;
  const pid = async (name: 'daemon' | 'workflow-runner' | 'temporal') => {
    const file =
      name === 'temporal'
        ? path.join(home, '.stigmer', 'temporal.pid')
        : path.join(home, '.stigmer', 'data', `${name}.pid`);
    const text = await readFile(file, 'utf8').catch(() => null);
    return text === null ? null : Number(text.split('\n')[0]!.trim());
  };
  const options = (extra: StigmerOptions = {}): StigmerOptions => ({
    bin: emulatorBin,
    home,
    serverAddress: `localhost:${server}`,
    temporalAddress: `localhost:${temporal}`,
    env,
    readyTimeoutMs: 30_000,
    ...extra,
  });
  return {
    home,
    ports: machine.ports,
    env,
    options,
    profile: (extra = {}) => stigmer(options(extra)),
    cli: machine.cli,
    async startOutside() {
      await machine.cli('server');
      await waitFor(() => portAccepts(server), 30_000, 'stigmer-server to listen');
    },
    cleanup: machine.cleanup,
    pid,
  };
}
