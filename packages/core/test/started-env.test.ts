/**
 * The environment of what core starts: the stack outlives the job that started it (`stop:
 * never`, a lease another job holds), so it must not carry the job's RUNNER_TRACKING_ID (a
 * self-hosted runner kills every process that does when the job ends); and a variable the
 * profile unsets (the Stigmer profile unsets TEMPORAL_SERVICE_ADDRESS, so that the CLI starts
 * its own Temporal) stays unset in its stop command, whoever runs it: a release or the watchdog.
 * Read from /proc/<pid>/environ of each real process.
 */
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emulatorBin } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureServer, type StigmerOptions, stigmer } from '../src/index.js';
import { processEnv } from '../src/process/process-env.js';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { portAccepts, Worker, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: EmulatedStigmer | undefined;
beforeEach(async () => {
  temp = await tempDir('started-env');
});
afterEach(async () => {
  await stack?.cleanup();
  stack = undefined;
  await temp.remove();
});

const JOB = { RUNNER_TRACKING_ID: 'github_7f1e2d', TEMPORAL_SERVICE_ADDRESS: '127.0.0.1:1' };

/**
 * The emulated `stigmer`, behind a script that writes the environment `server stop` runs with
 * (to <dir>/stop.<pid>.env) and holds `server` (the start) until <dir>/go exists, so that the
 * start command can be looked at while it runs.
 */
async function recordingStigmer(): Promise<{ options: StigmerOptions; dir: string }> {
  stack = await emulatedStigmer(temp.dir);
  const dir = path.join(temp.dir, 'records');
  await mkdir(dir);
  const bin = path.join(temp.dir, 'stigmer');
  await writeFile(
    bin,
    `#!/bin/sh
case "$1 $2" in
  "server stop") env > "${dir}/stop.$$.env" ;;
  "server ") while [ ! -e "${dir}/go" ]; do sleep 0.05; done ;;
esac
exec "${process.execPath}" "${emulatorBin}" "$@"
`,
  );
  await chmod(bin, 0o755);
  const options: StigmerOptions = {
    bin,
    home: stack.home,
    serverAddress: `localhost:${stack.ports.server}`,
    temporalAddress: `localhost:${stack.ports.temporal}`,
    env: stack.env,
    readyTimeoutMs: 30_000,
  };
  return { options, dir };
}

/** The environments `server stop` ran with, by file name. */
async function stopEnvs(dir: string): Promise<Map<string, Record<string, string>>> {
  const files = (await readdir(dir)).filter((f) => f.startsWith('stop.'));
  const envs = new Map<string, Record<string, string>>();
  for (const f of files) {
    const lines = (await readFile(path.join(dir, f), 'utf8')).split('\n');
    envs.set(
      f,
      Object.fromEntries(
        lines
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      ),
    );
  }
  return envs;
}

/** The live direct children of `pid` (from /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
      found.push(Number(entry));
  }
  return found;
}

const state = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8').catch(() => '{}'));

describe('the environment of started processes', () => {
  it("started processes do not carry the job's RUNNER_TRACKING_ID: start command, its recorder, components, watchdog", async () => {
    const { options, dir } = await recordingStigmer();
    const profile = stigmer(options);
    const specFile = path.join(temp.dir, 'spec.json');
    await writeFile(specFile, JSON.stringify({ stigmer: options }));
    const job = new Worker(specFile, 60_000, JOB);
    await waitFor(
      async () => Boolean((await state(profile.stateDir)).owner?.process),
      30_000,
      'the start to be launched',
    );
    const { owner } = await state(profile.stateDir);
    const recorder = owner.process.pid as number;
    // The recorder runs the start command, which waits for "go" (so it is there to be read).
    await waitFor(async () => (await childrenOf(recorder)).length > 0, 30_000, 'the start command');
    const startCommand = await childrenOf(recorder);
    const envs = new Map<number, Record<string, string> | null>();
    const read = async (pids: readonly number[]) => {
      for (const pid of pids) envs.set(pid, await processEnv(pid));
    };
    // Read while they run: the recorder and the start command end once the stack is up.
    await read([recorder, ...startCommand, owner.watchdog.pid as number]);
    await writeFile(path.join(dir, 'go'), '');
    expect((await job.next('ensured', 60_000)).handle).toMatchObject({ available: true });
    const components = await Promise.all(
      (['daemon', 'workflow-runner', 'temporal'] as const).map((c) => stack!.pid(c)),
    );
    expect(startCommand).toHaveLength(1);
    expect(components.every((pid) => pid !== null)).toBe(true);
    await read(components as number[]);
    expect((await processEnv(job.child.pid!))?.RUNNER_TRACKING_ID).toBe(JOB.RUNNER_TRACKING_ID);
    expect([...envs].filter(([, env]) => env === null)).toEqual([]);
    const carrying = [...envs].filter(([, env]) => env!.RUNNER_TRACKING_ID !== undefined);
    expect(carrying.map(([pid]) => pid)).toEqual([]);
    job.finish();
    expect((await job.next('released', 60_000)).result!.stop).toMatchObject({ stopped: true });
  });

  it('a stop command runs without the variables the profile unsets (TEMPORAL_SERVICE_ADDRESS), from a release and from the watchdog', async () => {
    const { options, dir } = await recordingStigmer();
    await writeFile(path.join(dir, 'go'), '');
    const saved = process.env.TEMPORAL_SERVICE_ADDRESS;
    process.env.TEMPORAL_SERVICE_ADDRESS = JOB.TEMPORAL_SERVICE_ADDRESS;
    try {
      const handle = await ensureServer(stigmer(options));
      expect(handle.available).toBe(true);
      expect((await handle.release()).stop).toMatchObject({ stopped: true });
    } finally {
      if (saved === undefined) delete process.env.TEMPORAL_SERVICE_ADDRESS;
      else process.env.TEMPORAL_SERVICE_ADDRESS = saved;
    }
    const released = await stopEnvs(dir);
    expect(released.size).toBe(1);
    const byRelease = [...released.values()][0]!;

    // The watchdog: the job that started the stack is killed; the watchdog runs the stop.
    const specFile = path.join(temp.dir, 'spec.json');
    await writeFile(specFile, JSON.stringify({ stigmer: options }));
    const job = new Worker(specFile, 60_000, { ...JOB, STIGMER_E2E_WATCHDOG_GRACE_MS: '300' });
    expect((await job.next('ensured', 60_000)).handle).toMatchObject({ available: true });
    job.child.kill('SIGKILL');
    await job.exited();
    await waitFor(async () => (await stopEnvs(dir)).size === 2, 30_000, 'the watchdog to stop it');
    await waitFor(async () => !(await portAccepts(stack!.ports.server)), 30_000, 'the stop to end');
    const byWatchdog = [...(await stopEnvs(dir))].find(([f]) => !released.has(f))![1];
    for (const env of [byRelease, byWatchdog]) {
      expect(env.TEMPORAL_SERVICE_ADDRESS).toBeUndefined();
      expect(env.HOME).toBe(stack!.home);
    }
  });
});
