/**
 * Real processes for the tests: the `stigmer-e2e` CLI from @stigmer/e2e-core, the emulated
 * Stigmer stack (an emulated machine: a throwaway HOME, free ports for stigmer-server, Temporal
 * and the fake Ollama, and the `docker` stand-in first on PATH, since no Docker engine runs
 * here), Python and Go.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canConnect,
  type EmulatorKnobs,
  emulatedMachine,
  emulatorBin,
} from '@stigmer/e2e-emulator';
import { afterEach, expect } from 'vitest';

export { waitFor } from '@stigmer/e2e-emulator';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const PY_FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'python');
/** A Go module of its own, so that the example's `go test ./...` does not run its suites. */
export const GO_FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'go');
/** Where the example's own suites leave their reports, counted by the total of `pnpm test`. */
export const REPORTS = path.join(PACKAGE_DIR, '.test-results');
/** The CLI as `npx stigmer-e2e` runs it: the package's bin. */
export const CLI = fileURLToPath(
  new URL('bin/stigmer-e2e.js', import.meta.resolve('@stigmer/e2e-core/package.json')),
);
/** The variables `stigmer-e2e run` exports to the command. */
const STACK_VARS = ['STIGMER_SERVER_ADDR', 'TEMPORAL_ADDRESS', 'TEMPORAL_SERVICE_ADDRESS'];

export interface Stack {
  /** The throwaway HOME: ~/.stigmer of the emulated stack, and the state of stigmer-e2e. */
  home: string;
  /** A directory the fixtures write their markers into. */
  markers: string;
  ports: { server: number; temporal: number; ollama: number };
  /** The environment of a user whose `stigmer` is the emulator, for this stack. */
  env: NodeJS.ProcessEnv;
  /**
   * Stops whatever still runs for this HOME, kills stragglers by pid, removes the temp dir.
   * Returns the stragglers ("pid command line") besides what a real `stigmer server stop`
   * leaves on purpose (Temporal, Ollama): none, unless a test went wrong.
   */
  dispose(): Promise<string[]>;
}

/** An emulated Stigmer stack (not started yet) in its own HOME, on free ports. */
async function emulatedStack(knobs: EmulatorKnobs = {}): Promise<Stack> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'any-runner-'));
  const markers = path.join(home, 'markers');
  await mkdir(markers);
  const machine = await emulatedMachine(home, knobs);
  const env: NodeJS.ProcessEnv = {
    ...withoutStackVars(process.env),
    CI: '', // the policy under test is always given explicitly, or is the local default (skip)
    PYTHONDONTWRITEBYTECODE: '1', // no __pycache__ in the source tree
    ANY_RUNNER_MARKERS: markers,
    STIGMER_E2E_BIN: emulatorBin,
    ...machine.env, // HOME, the knobs, PATH with the docker stand-in first
    ...machine.addresses,
  };
  return {
    home,
    markers,
    ports: machine.ports,
    env,
    async dispose() {
      // A safety net: by now the CLI should have stopped everything (the tests assert it).
      // The cleanup also ends the Ollama that neither `stigmer server stop` nor stigmer-e2e stops.
      await machine.cleanup();
      const left = await processesLeft(home, []);
      for (const line of left) {
        try {
          process.kill(Number.parseInt(line, 10), 'SIGKILL');
        } catch {}
      }
      await rm(home, { recursive: true, force: true, maxRetries: 5 });
      return left;
    },
  };
}

/**
 * A fresh emulated stack per test (with `extraEnv` in its env), disposed after the test: a test
 * that leaves a process of its own running fails.
 */
export function stackPerTest(
  extraEnv: NodeJS.ProcessEnv = {},
): (knobs?: EmulatorKnobs) => Promise<Stack> {
  let stack: Stack | undefined;
  afterEach(async () => {
    const current = stack;
    stack = undefined;
    if (!current) return;
    const left = await current.dispose();
    expect(left, 'processes of the test still running afterwards (killed now)').toEqual([]);
  });
  return async (knobs = {}) => {
    stack = await emulatedStack(knobs);
    stack.env = { ...stack.env, ...extraEnv };
    return stack;
  };
}

/** Throws `missing` (what to install) unless `file args...` runs. */
export function requireProgram(file: string, args: string[], missing: string): void {
  try {
    execFileSync(file, args, { stdio: 'ignore' });
  } catch {
    throw new Error(missing);
  }
}

export function withoutStackVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of STACK_VARS) delete copy[name];
  return copy;
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  exited: Promise<Ran>;
}

/** Starts a process with piped output; `detached` gives it its own process group. */
export function start(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { detached?: boolean; cwd?: string } = {},
): Running {
  const began = Date.now();
  const child = spawn(file, args, {
    cwd: options.cwd ?? PACKAGE_DIR,
    env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<Ran>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Date.now() - began }),
    );
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs a process to its end (killed after `timeoutMs`). */
export async function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { timeoutMs = 60_000, cwd }: { timeoutMs?: number; cwd?: string } = {},
): Promise<Ran> {
  const running = start(file, args, env, cwd ? { cwd } : {});
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  try {
    return await running.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** `stigmer-e2e ARGS...`, as a user runs it (in the example's directory unless `cwd`). */
export function cli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Ran> {
  return run(process.execPath, [CLI, ...args], env, cwd ? { cwd } : {});
}

/**
 * Live processes (zombies aside) whose environment has HOME=`home`: the CLI, Python, Go and every
 * component of the emulated stack inherit it, so none of ours can hide from this.
 */
async function processesOf(home: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = await readFile(`/proc/${pid}/environ`, 'latin1');
      if (!environ.split('\0').includes(`HOME=${home}`)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') found.push(pid);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Core's watchdog (a detached process that stops a stack whose every holder died) polls once a
 * second, and exits at its next poll after the last release: allow it that long.
 */
const WATCHDOG_EXIT_MS = 3_000;

/**
 * The stack is gone: neither stigmer-server's nor Temporal's port answers, and within
 * WATCHDOG_EXIT_MS no process of its HOME lives (each one left is named by its command line)
 * but the Ollama named by ~/.stigmer/llm.pid: the real CLI never stops Ollama (slow to start,
 * shared with the user's other work), and stigmer-e2e spares it too. Its port is not checked.
 */
export async function stackGone(
  stack: Pick<Stack, 'home' | 'ports'>,
): Promise<{ openPorts: number[]; left: string[] }> {
  const ports = [stack.ports.server, stack.ports.temporal];
  const open = await Promise.all(ports.map((p) => canConnect('127.0.0.1', p, 0)));
  const ollama = await readFile(path.join(stack.home, '.stigmer', 'llm.pid'), 'utf8').then(
    (text) => [Number.parseInt(text, 10)],
    () => [],
  );
  return {
    openPorts: ports.filter((_, i) => open[i]),
    left: await processesLeft(stack.home, ollama),
  };
}

/** The live processes of HOME, `spared` aside, once WATCHDOG_EXIT_MS allowed them to exit. */
async function processesLeft(home: string, spared: number[]): Promise<string[]> {
  const deadline = Date.now() + WATCHDOG_EXIT_MS;
  const others = async () => (await processesOf(home)).filter((pid) => !spared.includes(pid));
  let pids = await others();
  while (pids.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    pids = await others();
  }
  return Promise.all(pids.map(async (pid) => `${pid} ${await commandLine(pid)}`));
}

async function commandLine(pid: number): Promise<string> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '(gone)');
  return raw.split('\0').join(' ').trim();
}

export async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}
