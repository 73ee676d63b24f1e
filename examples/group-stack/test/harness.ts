/**
 * Real processes for this example's tests: the stigmer-e2e CLI, PostgreSQL (pg_ctl), the app, a
 * nested Vitest, and the emulator of the `stigmer` CLI from this repository, standing in for the
 * real one (a mock: the real stack cannot run here; it downloads Temporal and an LLM), on an
 * emulated machine: free ports for stigmer-server, Temporal and the fake Ollama, and the
 * emulator's `docker` stand-in first on PATH (no Docker engine runs here: the stand-in is the
 * mock). Each test gets its own HOME, cluster directory and free ports, and fails if a process
 * of it outlives it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  canConnect,
  emulatedMachine,
  emulatorBin,
  getFreePorts,
  waitFor,
} from '@stigmer/e2e-emulator';
import { afterEach, expect } from 'vitest';

const exec = promisify(execFile);
export const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The CLI as `npx stigmer-e2e` runs it: the package's bin. */
export const CLI = fileURLToPath(
  new URL('bin/stigmer-e2e.js', import.meta.resolve('@stigmer/e2e-core/package.json')),
);
/** Every process of a test carries this in its environment, so none can outlive it unseen. */
const MARK = 'SHOP_SANDBOX';
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Shop {
  readonly dir: string;
  readonly ports: { server: number; temporal: number; ollama: number; pg: number; app: number };
  /** The environment of a user whose `stigmer` is the emulator, for this test's group. */
  readonly env: NodeJS.ProcessEnv;
}

interface Sandbox extends Shop {
  /**
   * Returns what was left running (Ollama aside: neither `stigmer server stop` nor stigmer-e2e
   * ever stops it), then stops what still runs and kills what is provably ours.
   */
  dispose(): Promise<string[]>;
}

async function sandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'group-stack-'));
  await chmod(dir, 0o755); // postgres runs as nobody when we are root: it must reach its dir
  const home = path.join(dir, 'home');
  await mkdir(home);
  // stigmer-server, Temporal and the fake Ollama on free ports of their own (on the default
  // Ollama port another test's answers, and the CLI fails), `docker` the stand-in.
  const machine = await emulatedMachine(home);
  const [pg, app] = (await getFreePorts(2)) as [number, number];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: '', // the policy is given explicitly where it matters
    [MARK]: dir,
    ...machine.env, // HOME, the knobs, PATH with the docker stand-in first
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    STIGMER_E2E_BIN: emulatorBin,
    ...machine.addresses,
    SHOP_PG_DIR: path.join(dir, 'pg'),
    SHOP_PG_PORT: String(pg),
    SHOP_APP_PORT: String(app),
  };
  for (const name of ['DATABASE_URL', 'APP_URL', 'TEMPORAL_SERVICE_ADDRESS']) delete env[name];
  return {
    dir,
    ports: { ...machine.ports, pg, app },
    env,
    async dispose() {
      const ollama = await readFile(path.join(home, '.stigmer', 'llm.pid'), 'utf8').then(
        (text) => [Number.parseInt(text, 10)],
        () => [],
      );
      const left = await leftovers(dir, ollama);
      // A safety net: by now stigmer-e2e should have stopped everything (the tests assert it).
      await machine.cleanup(); // Ollama too
      const data = path.join(dir, 'pg', 'data');
      const asNobody = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
      const [file, ...args] = [...asNobody, path.join(PG_BIN, 'pg_ctl'), '-D', data, 'stop'];
      await readFile(path.join(data, 'postmaster.pid')).then(
        () => exec(file!, [...args, '-m', 'immediate']).catch(() => {}),
        () => {},
      );
      for (const line of await marked(dir, [])) {
        try {
          process.kill(Number.parseInt(line, 10), 'SIGKILL');
        } catch {}
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
      return left;
    },
  };
}

/** A fresh sandbox per test, disposed after it: a test that leaves a process running fails. */
export function shopPerTest(): () => Promise<Shop> {
  let current: Sandbox | undefined;
  afterEach(async () => {
    // Our own children (spawned by run, not yet exited) are ours to kill by pid.
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    children.clear();
    const shop = current;
    current = undefined;
    if (!shop) return;
    const left = await shop.dispose();
    expect(left, 'processes of the test still running afterwards (killed now)').toEqual([]);
  });
  return async () => {
    current = await sandbox();
    return current;
  };
}

/** Every port of the group is closed: nothing of it runs. */
export async function groupStopped(shop: Shop): Promise<boolean> {
  const { server, temporal, pg, app } = shop.ports;
  const open = await Promise.all(
    [server, temporal, pg, app].map((port) => canConnect('127.0.0.1', port, 0)),
  );
  return open.every((o) => !o);
}

/** Live processes (zombies aside) carrying the sandbox's mark, `spared` aside, as "pid command line". */
async function marked(dir: string, spared: number[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid || spared.includes(pid)) continue;
    try {
      const environ = await readFile(`/proc/${pid}/environ`, 'latin1');
      if (!environ.split('\0').includes(`${MARK}=${dir}`)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      found.push(`${pid} ${cmdline.split('\0').join(' ').trim()}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * What of the sandbox still runs, `spared` aside, once core's watchdog (which polls every second
 * or two, and exits at its next poll after the last release) had the time to go.
 */
async function leftovers(dir: string, spared: number[]): Promise<string[]> {
  await waitFor(async () => (await marked(dir, spared)).length === 0, 10_000).catch(() => {});
  return marked(dir, spared);
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What `run` spawned: the first thing a test's cleanup ends. */
const children = new Set<ChildProcess>();

/** Runs a process in the example's directory to its end. */
export function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const child = spawn(file, args, { cwd: EXAMPLE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `vitest ARGS...` of this example, without the outer Vitest's own variables. */
export function vitest(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const clean = { ...env };
  for (const name of Object.keys(clean))
    if (name.startsWith('VITEST') || name === 'TEST' || name === 'NODE_OPTIONS') delete clean[name];
  const entry = path.join(EXAMPLE_DIR, 'node_modules', 'vitest', 'vitest.mjs');
  return run(process.execPath, [entry, ...args], { ...clean, NO_COLOR: '1' });
}
