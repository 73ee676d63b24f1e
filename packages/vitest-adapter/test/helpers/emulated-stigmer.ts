/**
 * A Stigmer stack emulated in its own HOME on free ports, for the stigmer-profile fixtures: the
 * emulator of the real `stigmer` CLI on an `emulatedMachine` (free ports for stigmer-server,
 * Temporal and the fake Ollama; the `docker` stand-in first on PATH, its state under HOME).
 * No Docker engine runs here: the stand-in is the mock, and it runs agent-runner as a real
 * process. Core's engine probes the container with `docker inspect` from the Vitest process
 * itself, so that process needs the machine's environment too, not only `stigmer`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import {
  type EmulatedMachine,
  type EmulatorKnobs,
  emulatedMachine,
  emulatorBin,
  emulatorProcesses,
  stigmerLayout,
} from '@stigmer/e2e-emulator';
import { isRunning, portAccepts, waitFor } from './processes.js';

const run = promisify(execFile);
const AGENT_RUNNER = 'stigmer-agent-runner';

/** The processes of a running stack, by component (Ollama aside: a stop spares it). */
export type StackProcesses = Partial<
  Record<'stigmer-server' | 'workflow-runner' | 'temporal' | 'agent-runner', number>
>;

export interface EmulatedStigmer {
  readonly machine: EmulatedMachine;
  /**
   * The Vitest process's environment for the stigmer-profile fixture: the machine's (PATH with
   * the docker stand-in, its state dir, the knobs), not its HOME (the fixture passes `home`),
   * and the FIXTURE_* variables the fixture's config reads.
   */
  readonly fixtureEnv: Record<string, string>;
  /** The same stack for the plain globalSetup entry: what `stigmer()`'s defaults read. */
  readonly defaultsEnv: Record<string, string>;
  /** What runs of the stack now: the pid files' live pids, and the container's process. */
  running(): Promise<StackProcesses>;
  /**
   * Waits until the stack is stopped as the engine stops one it started: none of `pids` runs,
   * no emulated process of this HOME runs but the fake Ollama (which a stop spares, as the real
   * CLI does), no container is left, and the server's and Temporal's ports are closed.
   */
  assertStopped(pids: readonly number[]): Promise<void>;
  /** Stops whatever still runs in this HOME, Temporal and Ollama included (test cleanup). */
  cleanup(): Promise<void>;
}

export async function emulatedStigmer(
  home: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedStigmer> {
  const machine = await emulatedMachine(home, { temporalReadyDelayMs: 200, ...knobs });
  const layout = stigmerLayout(home);
  const { HOME: _home, ...processEnv } = machine.env;
  const livePid = async (file: string) => {
    const text = await readFile(file, 'utf8').catch(() => '');
    const pid = Number(text.split('\n')[0]!.trim());
    return pid > 0 && (await isRunning(pid)) ? pid : null;
  };
  // The container's process while it runs (0 when stopped); null once no container is left.
  const containerPid = async () => {
    const inspected = await run('docker', ['inspect', '-f', '{{.State.Pid}}', AGENT_RUNNER], {
      env: { ...process.env, ...machine.env },
    }).catch(() => null);
    return inspected === null ? null : Number(inspected.stdout.trim());
  };
  const running = async (): Promise<StackProcesses> => {
    const found = {
      'stigmer-server': await livePid(layout.daemonPidFile),
      'workflow-runner': await livePid(layout.workflowRunnerPidFile),
      temporal: await livePid(layout.temporalPidFile),
      'agent-runner': (await containerPid()) || null,
    };
    return Object.fromEntries(Object.entries(found).filter(([, pid]) => pid !== null));
  };
  return {
    machine,
    fixtureEnv: {
      ...processEnv,
      FIXTURE_STIGMER_BIN: emulatorBin,
      FIXTURE_HOME: home,
      FIXTURE_SERVER_PORT: String(machine.ports.server),
      FIXTURE_TEMPORAL_PORT: String(machine.ports.temporal),
      FIXTURE_STIGMER_ENV: JSON.stringify(machine.env),
    },
    defaultsEnv: { ...machine.env, ...machine.addresses, STIGMER_E2E_BIN: emulatorBin },
    running,
    async assertStopped(pids) {
      for (const pid of pids)
        await waitFor(async () => !(await isRunning(pid)), 15_000, `pid ${pid} to exit`);
      const ollama = await livePid(layout.llmPidFile);
      await waitFor(
        () => emulatorProcesses(home).every((p) => p.pid === ollama),
        15_000,
        'no emulated process but Ollama',
      );
      await waitFor(
        async () => (await containerPid()) === null,
        10_000,
        'the agent-runner container to be removed',
      );
      for (const port of [machine.ports.server, machine.ports.temporal])
        await waitFor(async () => !(await portAccepts(port)), 10_000, `port ${port} to be free`);
    },
    cleanup: machine.cleanup,
  };
}
