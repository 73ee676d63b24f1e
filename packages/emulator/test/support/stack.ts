import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dockerBinDir,
  type EmulatorKnobs,
  emulatorEnv,
  emulatorProcesses,
  getFreePorts,
  killEmulatorProcesses,
  type StigmerLayout,
  stigmerLayout,
} from '../../src/index.js';
import { type CliResult, runCli, runProgram } from './cli.js';
import { alive, commandLine } from './processes.js';
import { eventually, waitForPort } from './wait.js';

/** One isolated emulated stack: its own HOME, free ports, the docker stand-in first on PATH. */
export interface TestStack {
  home: string;
  host: string;
  serverPort: number;
  temporalPort: number;
  ollamaPort: number;
  layout: StigmerLayout;
  /** The environment every command of this stack uses, with extra knobs and variables. */
  env(options?: RunOptions): NodeJS.ProcessEnv;
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
  /** Runs the `docker` stand-in with this stack's environment. */
  docker(...args: string[]): Promise<CliResult>;
  /** Waits until stigmer-server accepts on its port (what `stigmer server` does not wait for). */
  serving(timeoutMs?: number): Promise<void>;
  pid(file: string): number;
  /** Whether `daemon.pid` names a live process. */
  daemonAlive(): boolean;
}

export interface RunOptions {
  knobs?: EmulatorKnobs;
  /** Other variables (STIGMER_LLM_*, API keys, TEMPORAL_*). */
  vars?: Record<string, string>;
  timeoutMs?: number;
}

export async function createStack(knobs: EmulatorKnobs = {}): Promise<TestStack> {
  const host = knobs.host ?? '127.0.0.1';
  const [serverPort, temporalPort, ollamaPort] = (await getFreePorts(3, host)) as [
    number,
    number,
    number,
  ];
  const home = mkdtempSync(join(tmpdir(), 'stigmer-emulator-test-'));
  const layout = stigmerLayout(home);
  // Only PATH and HOME from outside: knobs in the runner's own env must not leak in.
  const env = ({ knobs: extra, vars }: RunOptions = {}): NodeJS.ProcessEnv => ({
    PATH: `${dockerBinDir}:${process.env.PATH}`,
    HOME: home,
    ...vars,
    ...emulatorEnv({ serverPort, temporalPort, ollamaPort, ...knobs, ...extra }),
  });
  return {
    home,
    host,
    serverPort,
    temporalPort,
    ollamaPort,
    layout,
    env,
    run: (args, options) => runCli(args, env(options), options?.timeoutMs),
    docker: (...args) => runProgram(join(dockerBinDir, 'docker'), args, env()),
    serving: async (timeoutMs = 30_000) => {
      if (!(await waitForPort(host, serverPort, timeoutMs))) {
        throw new Error(
          `Expected stigmer-server to accept on ${host}:${serverPort} within ${timeoutMs} ms`,
        );
      }
    },
    pid: (file) => Number(readFileSync(file, 'utf8').split('\n')[0]),
    daemonAlive: () => {
      try {
        return alive(Number(readFileSync(layout.daemonPidFile, 'utf8')));
      } catch {
        return false;
      }
    },
  };
}

/**
 * afterEach: stop the stack (never the hang knob), then end what a real stop leaves on
 * purpose (Temporal, Ollama) by verified identity, and remove the HOME. Throws if anything
 * else of this HOME was still running after the stop: a leak.
 */
export async function destroyStack(stack: TestStack | undefined): Promise<void> {
  if (stack === undefined) return;
  // A stop during the daemon's start phase leaks what that phase is still spawning (a
  // `docker run` in flight), as with the real stack: let a live daemon finish starting first.
  if (stack.daemonAlive()) await waitForPort(stack.host, stack.serverPort, 30_000);
  const stop = await stack.run(['server', 'stop'], {
    knobs: { stopTimeoutMs: 1_000, stopHangs: false, ignoreSigterm: false },
  });
  // A stopped container's shim may still be writing its last state.
  await eventually(() => emulatorProcesses(stack.home).every(isLeftOnPurpose), 5_000);
  const leaked = emulatorProcesses(stack.home)
    .filter((process) => !isLeftOnPurpose(process))
    .map(({ pid }) => `${pid} ${safeCommandLine(pid)}`);
  killEmulatorProcesses(stack.home);
  const serverLog = tail(join(stack.layout.logDir, 'stigmer-server.log'));
  rmSync(stack.home, { recursive: true, force: true });
  if (stop.code !== 0) throw new Error(`stop failed (${stop.code}): ${stop.stderr}`);
  if (leaked.length > 0) {
    throw new Error(
      `processes left running after stop:\n${leaked.join('\n')}\nstop said: ${stop.stdout}${stop.stderr}\nstigmer-server.log ends:\n${serverLog}`,
    );
  }
}

/** Temporal and Ollama outlive `stigmer server stop` in the real CLI. */
function isLeftOnPurpose({ pid }: { pid: number }): boolean {
  return /\.stigmer\/bin\/(temporal|ollama) /.test(safeCommandLine(pid));
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

function safeCommandLine(pid: number): string {
  try {
    return commandLine(pid);
  } catch {
    return '(exited)';
  }
}
