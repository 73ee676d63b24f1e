import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EmulatorKnobs, emulatorBin, emulatorEnv, getFreePorts } from '@stigmer/e2e-emulator';
import { type Profile, type StigmerOptions, stigmer } from '../../src/index.js';

const run = promisify(execFile);

export interface EmulatedStigmer {
  readonly home: string;
  readonly ports: { server: number; temporal: number; workflowRunner: number };
  /** The environment under which `stigmer` (the emulator) runs this stack. */
  readonly env: Record<string, string>;
  /** The stigmer() options of this stack, as data (a group config's `options`). */
  options(extra?: StigmerOptions): StigmerOptions;
  profile(options?: StigmerOptions): Profile;
  /** Runs the emulator's `stigmer` directly, as a developer would. */
  cli(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Stops whatever runs in this HOME, without the fault knobs that would make the stop hang. */
  cleanup(): Promise<void>;
  pid(file: 'daemon' | 'workflow-runner' | 'temporal'): Promise<number | null>;
}

/** A Stigmer stack emulated in its own HOME on free ports. */
export async function emulatedStigmer(
  home: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedStigmer> {
  const [server, temporal, workflowRunner, ollama] = (await getFreePorts(4)) as [
    number,
    number,
    number,
    number,
  ];
  // Its own fake Ollama too: on the default port (11434) another test's would answer first, and
  // the CLI, taking it for its own, finds no ollama binary in this HOME.
  const ports = {
    serverPort: server,
    temporalPort: temporal,
    workflowRunnerPort: workflowRunner,
    ollamaPort: ollama,
  };
  const env = emulatorEnv({ ...ports, ...knobs });
  const cli = (knobEnv: Record<string, string>, args: string[]) =>
    run(process.execPath, [emulatorBin, ...args], {
      env: { ...process.env, ...knobEnv, HOME: home },
      timeout: 60_000,
    });
  const options = (extra: StigmerOptions = {}): StigmerOptions => ({
    bin: emulatorBin,
    home,
    serverAddress: `localhost:${server}`,
    temporalAddress: `localhost:${temporal}`,
    env,
    readyTimeoutMs: 15_000,
    ...extra,
  });
  return {
    home,
    ports: { server, temporal, workflowRunner },
    env,
    options,
    profile: (extra = {}) => stigmer(options(extra)),
    cli: (...args) => cli(env, args),
    async cleanup() {
      const calm = emulatorEnv({ ...ports, stopTimeoutMs: 1_000 });
      await cli(calm, ['server', 'stop']).catch(() => {});
    },
    async pid(name) {
      const file =
        name === 'temporal'
          ? path.join(home, '.stigmer', 'temporal.pid')
          : path.join(home, '.stigmer', 'data', `${name}.pid`);
      const text = await readFile(file, 'utf8').catch(() => null);
      return text === null ? null : Number(text.trim());
    },
  };
}
