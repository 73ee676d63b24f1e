/**
 * The emulated `stigmer` (packages/emulator) on free ports, in a job's HOME, with a `stigmer`
 * launcher on PATH as the real binary would be.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  canConnect,
  type EmulatorKnobs,
  emulatorBin,
  emulatorEnv,
  getFreePorts,
} from '@stigmer/e2e-emulator';

const run = promisify(execFile);

export interface EmulatedStack {
  readonly ports: { server: number; temporal: number; workflowRunner: number };
  /** Knobs and addresses: the job's env. */
  readonly env: Record<string, string>;
  /** A directory holding the `stigmer` launcher. */
  readonly binDir: string;
  /** `stigmer server` as a developer would run it (a stack that was already running). */
  startByHand(): Promise<void>;
  accepting(): Promise<boolean>;
  /** Stops whatever runs in that HOME (calm knobs). */
  cleanup(): Promise<void>;
}

/** A `#!/bin/sh` launcher named `stigmer` that runs the emulator with this Node. */
export async function writeLauncher(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'stigmer');
  await writeFile(file, `#!/bin/sh\nexec "${process.execPath}" "${emulatorBin}" "$@"\n`);
  await chmod(file, 0o755);
  return file;
}

export async function emulatedStack(
  home: string,
  binDir: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedStack> {
  const [server, temporal, workflowRunner, ollama] = (await getFreePorts(4)) as [
    number,
    number,
    number,
    number,
  ];
  // The fake Ollama on a port of its own: on the default one another test's would answer first.
  const portKnobs = {
    serverPort: server,
    temporalPort: temporal,
    workflowRunnerPort: workflowRunner,
    ollamaPort: ollama,
  };
  const env = {
    ...emulatorEnv({ ...portKnobs, ...knobs }),
    STIGMER_SERVER_ADDR: `localhost:${server}`,
    TEMPORAL_ADDRESS: `localhost:${temporal}`,
  };
  await writeLauncher(binDir);
  const cli = (knobEnv: Record<string, string>, ...args: string[]) =>
    run(process.execPath, [emulatorBin, ...args], {
      env: { ...process.env, ...knobEnv, HOME: home, USERPROFILE: home },
      timeout: 60_000,
    });
  return {
    ports: { server, temporal, workflowRunner },
    env,
    binDir,
    startByHand: async () => {
      await cli(env, 'server');
    },
    accepting: () => canConnect('127.0.0.1', server, 0),
    cleanup: async () => {
      await cli(emulatorEnv({ ...portKnobs, stopTimeoutMs: 1_000 }), 'server', 'stop').catch(
        () => {},
      );
    },
  };
}
