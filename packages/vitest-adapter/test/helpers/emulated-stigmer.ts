/** A Stigmer stack emulated in its own HOME on free ports, for the stigmer-profile fixtures. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EmulatorKnobs, emulatorBin, emulatorEnv, getFreePorts } from '@stigmer/e2e-emulator';
import { isRunning, portAccepts, waitFor } from './processes.js';

const run = promisify(execFile);
const PID_FILES = {
  'stigmer-server': ['.stigmer', 'data', 'daemon.pid'],
  temporal: ['.stigmer', 'temporal.pid'],
  'workflow-runner': ['.stigmer', 'data', 'workflow-runner.pid'],
  'agent-runner': ['.stigmer', 'data', 'agent-runner.pid'],
} as const;

export interface EmulatedStigmer {
  /** FIXTURE_* variables for the stigmer-profile fixture. */
  readonly fixtureEnv: Record<string, string>;
  /** The same stack for the plain globalSetup entry: what `stigmer()`'s defaults read. */
  readonly defaultsEnv: Record<string, string>;
  /** The pids in the stack's pid files now (components that are not running are left out). */
  pids(): Promise<Record<string, number>>;
  /** Waits until none of these pids runs and no port of the stack accepts connections. */
  assertStopped(pids: readonly number[]): Promise<void>;
  /** Stops whatever still runs in this HOME (test cleanup). */
  cleanup(): Promise<void>;
}

export async function emulatedStigmer(
  home: string,
  knobs: EmulatorKnobs = {},
): Promise<EmulatedStigmer> {
  const [serverPort, temporalPort, workflowRunnerPort] = (await getFreePorts(3)) as [
    number,
    number,
    number,
  ];
  const ports = { serverPort, temporalPort, workflowRunnerPort };
  const env = emulatorEnv({ ...ports, temporalReadyDelayMs: 200, ...knobs });
  return {
    fixtureEnv: {
      FIXTURE_STIGMER_BIN: emulatorBin,
      FIXTURE_HOME: home,
      FIXTURE_SERVER_PORT: String(serverPort),
      FIXTURE_TEMPORAL_PORT: String(temporalPort),
      FIXTURE_STIGMER_ENV: JSON.stringify(env),
    },
    defaultsEnv: {
      ...env,
      HOME: home,
      STIGMER_E2E_BIN: emulatorBin,
      STIGMER_SERVER_ADDR: `localhost:${serverPort}`,
      TEMPORAL_ADDRESS: `localhost:${temporalPort}`,
    },
    async pids() {
      const entries = await Promise.all(
        Object.entries(PID_FILES).map(async ([name, parts]) => {
          const text = await readFile(path.join(home, ...parts), 'utf8').catch(() => '');
          return [name, Number(text.trim())] as const;
        }),
      );
      return Object.fromEntries(entries.filter(([, pid]) => pid > 0));
    },
    async assertStopped(pids) {
      for (const pid of pids)
        await waitFor(async () => !(await isRunning(pid)), 15_000, `pid ${pid} to exit`);
      for (const port of Object.values(ports))
        await waitFor(async () => !(await portAccepts(port)), 10_000, `port ${port} to be free`);
    },
    async cleanup() {
      const calm = emulatorEnv({ ...ports, stopTimeoutMs: 1_000 });
      await run(process.execPath, [emulatorBin, 'server', 'stop'], {
        env: { ...process.env, ...calm, HOME: home },
        timeout: 30_000,
      }).catch(() => {});
    },
  };
}
