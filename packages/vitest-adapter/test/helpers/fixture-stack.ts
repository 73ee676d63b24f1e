/** The custom profile of the fixtures: one HTTP server (fixtures/server.mjs) on a free port. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerSpec } from '@stigmer/e2e-core';
import { getFreePorts } from '@stigmer/e2e-emulator';
import { FIXTURES } from './fixture-project.js';
import { isRunning, portAccepts, waitFor } from './processes.js';

export interface FixtureStack {
  readonly port: number;
  /** The profile's config file, for `stigmerServer({ profile })` (FIXTURE_PROFILE). */
  readonly specFile: string;
  readonly eventsFile: string;
  /** "start <pid>" / "stop <pid>" lines the server wrote. */
  events(): Promise<Array<{ what: 'start' | 'stop'; pid: number }>>;
  /** Starts the server outside stigmer-e2e, as a developer would. */
  startForeign(): Promise<ChildProcess>;
  /** Nothing runs: every server that started has exited and the port is free. */
  assertNothingRunning(): Promise<void>;
  /**
   * Test cleanup: kills (by pid) every server of this stack that still runs, then throws if
   * there was one, so a leak fails the test instead of outliving it.
   */
  cleanup(): Promise<void>;
}

export async function fixtureStack(
  dir: string,
  serverEnv: Record<string, string> = {},
  /** Extra arguments of the server's command (it ignores them). */
  args: readonly string[] = [],
): Promise<FixtureStack> {
  const [port] = (await getFreePorts(1)) as [number];
  const eventsFile = path.join(dir, 'events.log');
  const env = { FIXTURE_PORT: String(port), FIXTURE_EVENTS_FILE: eventsFile, ...serverEnv };
  const server = path.join(FIXTURES, 'server.mjs');
  const spec: ServerSpec = {
    name: 'fixture',
    stateDir: path.join(dir, 'state'),
    start: { command: [process.execPath, server, ...args], mode: 'process', env },
    stop: { timeoutMs: 3_000 },
    components: [{ name: 'web', probe: { http: `http://127.0.0.1:${port}/` } }],
    env: { FIXTURE_URL: `http://127.0.0.1:${port}/` },
    readyTimeoutMs: 15_000,
  };
  const specFile = path.join(dir, 'fixture.config.json');
  await writeFile(specFile, JSON.stringify(spec, null, 2));
  const events = async () => {
    const text = await readFile(eventsFile, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [what, pid] = line.split(' ');
        return { what: what as 'start' | 'stop', pid: Number(pid) };
      });
  };
  return {
    port,
    specFile,
    eventsFile,
    events,
    async startForeign() {
      const child = spawn(process.execPath, [server], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      await waitFor(() => portAccepts(port), 10_000, `the foreign server on ${port}`);
      return child;
    },
    async cleanup() {
      const left: number[] = [];
      for (const { pid } of await events()) {
        if (!(await isRunning(pid))) continue;
        left.push(pid);
        process.kill(pid, 'SIGKILL');
      }
      if (left.length > 0) throw new Error(`left running, killed: pid ${left.join(', ')}`);
    },
    async assertNothingRunning() {
      for (const { pid } of await events())
        await waitFor(async () => !(await isRunning(pid)), 10_000, `pid ${pid} to exit`);
      await waitFor(async () => !(await portAccepts(port)), 10_000, `port ${port} to be free`);
    },
  };
}

/** Stops a server the test started itself (startForeign) and waits for it to exit. */
export async function stopForeign(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
