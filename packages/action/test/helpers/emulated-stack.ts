/**
 * The emulated `stigmer` (packages/emulator) as a job's machine: its HOME, free ports for the
 * server, Temporal and the fake Ollama, the `docker` stand-in's state (there is no Docker engine
 * here: the stand-in is the mock, and it runs agent-runner as a real process), and a `stigmer`
 * launcher to put on PATH as the real binary would be.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  canConnect,
  dockerBinDir,
  type EmulatedMachine,
  type EmulatorKnobs,
  emulatedMachine,
  emulatorBin,
  waitFor,
} from '@stigmer/e2e-emulator';

export interface EmulatedStack {
  readonly machine: EmulatedMachine;
  readonly ports: EmulatedMachine['ports'];
  /**
   * The job's env: the knobs (the docker state dir among them) and the addresses. Not HOME nor
   * PATH: the job sets those (its HOME is the machine's; see `path` for its PATH).
   */
  readonly env: Record<string, string>;
  /** A directory holding the `stigmer` launcher. */
  readonly binDir: string;
  /** What the job's PATH needs before the system's: the launcher (unless told not), `docker`. */
  path(stigmerOnPath?: boolean): string[];
  /** `stigmer server` as a developer would run it, then its server accepting (a running stack). */
  startByHand(): Promise<void>;
  accepting(): Promise<boolean>;
  /** Stops whatever runs in that HOME, Temporal and Ollama included (a real stop leaves them). */
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
  const machine = await emulatedMachine(home, knobs);
  const { HOME: _home, PATH: _path, ...machineEnv } = machine.env;
  await writeLauncher(binDir);
  const accepting = () => canConnect('127.0.0.1', machine.ports.server, 0);
  return {
    machine,
    ports: machine.ports,
    env: { ...machineEnv, ...machine.addresses },
    binDir,
    path: (stigmerOnPath = true) => (stigmerOnPath ? [binDir, dockerBinDir] : [dockerBinDir]),
    startByHand: async () => {
      await machine.cli('server');
      await waitFor(accepting, 30_000, 'stigmer-server to listen');
    },
    accepting,
    cleanup: machine.cleanup,
  };
}
