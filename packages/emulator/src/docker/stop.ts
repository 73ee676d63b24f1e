import { setTimeout as sleep } from 'node:timers/promises';
import { signalOwn } from '../process/terminate.js';
import { DockerError, parseDockerArgs } from './arguments.js';
import type { ContainerDir } from './containers.js';
import { type DockerContext, daemonUnavailable, noSuchContainer } from './context.js';

/** After SIGKILL, how long to wait for the shim to record the exit. */
const KILL_WAIT_MS = 5_000;

/** `docker stop [-t SECONDS] CONTAINER...`: SIGTERM, then SIGKILL after the timeout (10 s). */
export async function stop(ctx: DockerContext, args: readonly string[]): Promise<number> {
  const parsed = parseDockerArgs('stop', args, { value: { time: 't', timeout: '', signal: 's' } });
  const seconds = Number(parsed.last('time') ?? parsed.last('timeout') ?? 10);
  return each(ctx, parsed.positionals, 'stop', (container) =>
    stopContainer(container, seconds * 1000),
  );
}

/** `docker kill CONTAINER...`: SIGKILL; like stop, it keeps the restart policy from acting. */
export async function kill(ctx: DockerContext, args: readonly string[]): Promise<number> {
  const parsed = parseDockerArgs('kill', args, { value: { signal: 's' } });
  return each(ctx, parsed.positionals, 'kill', async (container) => {
    if (!isUp(container)) {
      throw new DockerError(
        `Error response from daemon: cannot kill container: ${container.id}: container ${container.id} is not running`,
      );
    }
    await stopContainer(container, 0);
  });
}

/** `docker rm [-f] CONTAINER...`: a running one only with -f (which kills it first). */
export async function rm(ctx: DockerContext, args: readonly string[]): Promise<number> {
  const parsed = parseDockerArgs('rm', args, { bool: { force: 'f', volumes: 'v' } });
  const force = parsed.has('force');
  return each(
    ctx,
    parsed.positionals,
    'rm',
    async (container) => {
      if (isUp(container)) {
        if (!force) {
          throw new DockerError(
            `Error response from daemon: cannot remove container "${container.config().Name}": container is running: stop the container before removing or force remove`,
          );
        }
        await stopContainer(container, 0);
      }
      container.remove();
    },
    force,
  );
}

/** Asks the shim not to restart, signals the container process, waits for the recorded exit. */
export async function stopContainer(container: ContainerDir, graceMs: number): Promise<void> {
  container.requestStop();
  const target = () => {
    const state = container.state();
    return { pid: state.Pid, startTime: state.ProcStartTime };
  };
  const exited = () => container.state().Status === 'exited';
  // A paused container gets the signal, then is thawed to act on it (Docker's killWithSignal).
  const thaw = () => {
    if (container.state().Paused) signalOwn(target(), 'SIGCONT', { group: true });
  };
  if (graceMs > 0 && container.state().Running) {
    signalOwn(target(), 'SIGTERM', { group: true });
    thaw();
    const deadline = Date.now() + graceMs;
    while (!exited() && Date.now() < deadline) await sleep(50);
  }
  if (!exited() && container.state().Running) {
    signalOwn(target(), 'SIGKILL', { group: true });
    thaw();
  }
  const deadline = Date.now() + KILL_WAIT_MS;
  while (!exited()) {
    if (Date.now() > deadline) {
      throw new DockerError(
        `Error response from daemon: container ${container.id} did not stop (its shim did not report)`,
      );
    }
    await sleep(50);
  }
}

function isUp(container: ContainerDir): boolean {
  const state = container.state();
  return state.Running || state.Restarting;
}

/** Runs `action` on each named container, printing the name as Docker does; 1 if any failed. */
export async function each(
  ctx: DockerContext,
  names: readonly string[],
  command: string,
  action: (container: ContainerDir) => Promise<void>,
  quietMissing = false,
): Promise<number> {
  if (ctx.settings.dockerUnavailable) throw daemonUnavailable();
  if (names.length === 0)
    throw new DockerError(`"docker ${command}" requires at least 1 argument.`);
  let code = 0;
  for (const name of names) {
    const container = ctx.containers.find(name);
    try {
      if (container === undefined) {
        if (quietMissing) continue; // `rm -f` of a missing container is not an error
        throw noSuchContainer(name);
      }
      await action(container);
      ctx.out(`${name}\n`);
    } catch (error) {
      ctx.err(`${(error as Error).message}\n`);
      code = 1;
    }
  }
  return code;
}
