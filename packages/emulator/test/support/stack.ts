import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorKnobs, emulatorEnv, getFreePorts } from '../../src/index.js';
import { type CliResult, runCli } from './cli.js';
import { processesMentioning } from './processes.js';
import { eventually, waitForPort } from './wait.js';

/** One isolated emulated stack: its own HOME and free ports. */
export interface TestStack {
  home: string;
  host: string;
  serverPort: number;
  temporalPort: number;
  workflowRunnerPort: number;
  /** The environment every CLI call of this stack uses, with extra knobs and variables. */
  env(options?: RunOptions): NodeJS.ProcessEnv;
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
  /**
   * Waits until every component is up, not just stigmer-server (all `stigmer server` waits
   * for): the three ports accept and agent-runner logged that it is ready.
   */
  settled(timeoutMs?: number): Promise<void>;
}

export interface RunOptions {
  knobs?: EmulatorKnobs;
  /** Other variables (STIGMER_LLM_*, API keys). */
  vars?: Record<string, string>;
  timeoutMs?: number;
}

export async function createStack(knobs: EmulatorKnobs = {}): Promise<TestStack> {
  const host = knobs.host ?? '127.0.0.1';
  const [serverPort, temporalPort, workflowRunnerPort] = (await getFreePorts(3, host)) as [
    number,
    number,
    number,
  ];
  const home = mkdtempSync(join(tmpdir(), 'stigmer-emulator-test-'));
  // Only PATH and HOME from outside: knobs in the runner's own env must not leak in.
  const env = ({ knobs: extra, vars }: RunOptions = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: home,
    ...vars,
    ...emulatorEnv({ serverPort, temporalPort, workflowRunnerPort, ...knobs, ...extra }),
  });
  return {
    home,
    host,
    serverPort,
    temporalPort,
    workflowRunnerPort,
    env,
    run: (args, options) => runCli(args, env(options), options?.timeoutMs),
    settled: async (timeoutMs = 10_000) => {
      for (const port of [serverPort, temporalPort, workflowRunnerPort]) {
        if (!(await waitForPort(host, port, timeoutMs))) {
          throw new Error(`Expected ${host} port ${port} to accept within ${timeoutMs} ms`);
        }
      }
      const agentLog = join(home, '.stigmer', 'data', 'logs', 'agent-runner.log');
      const ready = () => existsSync(agentLog) && readFileSync(agentLog, 'utf8').includes('ready');
      if (!(await eventually(ready, timeoutMs))) {
        throw new Error(`Expected agent-runner to log "ready" within ${timeoutMs} ms`);
      }
    },
  };
}

/**
 * afterEach: stop the stack (short stop timeout, never the hang knob), check that no process of
 * this HOME survived, remove the HOME. Throws if something was left running.
 */
export async function destroyStack(stack: TestStack | undefined): Promise<void> {
  if (stack === undefined) return;
  const result = await stack.run(['server', 'stop'], {
    knobs: { stopTimeoutMs: 1_000, stopHangs: false },
  });
  const survivors = processesMentioning(stack.home);
  for (const pid of survivors) {
    try {
      process.kill(pid, 'SIGKILL'); // only processes started for this test's HOME
    } catch {}
  }
  rmSync(stack.home, { recursive: true, force: true });
  if (result.code !== 0) throw new Error(`stop failed (${result.code}): ${result.stderr}`);
  if (survivors.length > 0) {
    throw new Error(`processes left running after stop: ${survivors.join(', ')}`);
  }
}
