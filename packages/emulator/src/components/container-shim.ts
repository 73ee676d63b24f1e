/**
 * The shim of one emulated container (`container-shim.js <docker dir> <id>`), what containerd's
 * shim is to a real one: it runs the container's process in a process group of its own, writes
 * its output to the container log (Docker's json-file lines) and its state, and restarts it
 * when it dies, per the restart policy, unless `docker stop`/`kill`/`rm -f` asked for a stop.
 * Docker's restart back-off: 100 ms, doubling, reset after 10 s of running.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContainerStore } from '../docker/containers.js';
import { componentScript } from '../launchers/launcher.js';
import { readProcessInfo } from '../process/identity.js';

const [dockerDir, id] = process.argv.slice(2) as [string, string];
const container = new ContainerStore(dockerDir).find(id);
if (container === undefined) process.exit(1);
const config = container.config();
const policy = config.RestartPolicy.split(':')[0];
const RESET_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;

let backoff = 100;
for (;;) {
  const started = Date.now();
  const code = await runOnce();
  const state = container.state();
  const stopped = container.stopRequested();
  const restart =
    !stopped &&
    (policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0));
  container.writeState({
    ...state,
    Status: restart ? 'restarting' : 'exited',
    Running: false,
    Paused: false,
    Restarting: restart,
    Pid: 0,
    ExitCode: code,
    FinishedAt: new Date().toISOString(),
  });
  if (!restart) break;
  backoff = Date.now() - started > RESET_AFTER_MS ? 100 : backoff;
  await sleep(backoff);
  backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  if (container.stopRequested()) break;
  container.writeState({ ...container.state(), RestartCount: container.state().RestartCount + 1 });
}
const last = container.state();
container.writeState({
  ...last,
  Status: 'exited',
  Restarting: false,
  Running: false,
  Paused: false,
  Pid: 0,
});
process.exit(0);

/** Runs the container process once; resolves with Docker's exit code (128+n for signal n). */
function runOnce(): Promise<number> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The host environment does not reach a container, except what the emulator needs.
    if (
      value !== undefined &&
      (key.startsWith('STIGMER_EMULATOR_') || key === 'HOME' || key === 'PATH')
    ) {
      env[key] = value;
    }
  }
  for (const pair of config.Env) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const child = spawn(
    process.execPath,
    [componentScript('container'), config.Image, ...config.Cmd],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      cwd: dockerDir,
    },
  );
  const log = (stream: 'stdout' | 'stderr') => (line: string) =>
    appendFileSync(
      join(container?.dir ?? dockerDir, 'container.log'),
      `${JSON.stringify({ log: `${line}\n`, stream, time: new Date().toISOString() })}\n`,
    );
  createInterface({ input: child.stdout }).on('line', log('stdout'));
  createInterface({ input: child.stderr }).on('line', log('stderr'));
  const state = container?.state();
  if (state !== undefined && child.pid !== undefined) {
    container?.writeState({
      ...state,
      Status: 'running',
      Running: true,
      Paused: false,
      Restarting: false,
      Pid: child.pid,
      ProcStartTime: readProcessInfo(child.pid)?.startTime ?? '',
      StartedAt: new Date().toISOString(),
      ShimPid: process.pid,
    });
  }
  return new Promise((resolve) => {
    child.once('error', () => resolve(127));
    child.once('close', (code, signal) => {
      const signals: Record<string, number> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2 };
      resolve(code ?? 128 + (signal ? (signals[signal] ?? 1) : 1));
    });
  });
}
