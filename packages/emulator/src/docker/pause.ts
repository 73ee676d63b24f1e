import { signalOwn } from '../process/terminate.js';
import { DockerError } from './arguments.js';
import type { ContainerDir } from './containers.js';
import type { DockerContext } from './context.js';
import { each } from './stop.js';

/**
 * `docker pause CONTAINER...`: freezes the container's processes (the cgroup freezer in Docker;
 * SIGSTOP to its process group here). A paused container still counts as running
 * (`.State.Running` true, `.State.Paused` true): a restart policy never acts on it.
 */
export function pause(ctx: DockerContext, args: readonly string[]): Promise<number> {
  return each(ctx, args, 'pause', async (container) => {
    const state = container.state();
    if (!state.Running)
      throw new DockerError(`Error response from daemon: container ${container.id} is not running`);
    if (state.Paused)
      throw new DockerError(
        `Error response from daemon: cannot pause container ${container.id}: container ${container.id} is already paused`,
      );
    signal(container, 'SIGSTOP');
    container.writeState({ ...state, Status: 'paused', Paused: true });
  });
}

/** `docker unpause CONTAINER...`: thaws a paused container. */
export function unpause(ctx: DockerContext, args: readonly string[]): Promise<number> {
  return each(ctx, args, 'unpause', async (container) => {
    const state = container.state();
    if (!state.Paused)
      throw new DockerError(`Error response from daemon: Container ${container.id} is not paused`);
    signal(container, 'SIGCONT');
    container.writeState({ ...state, Status: 'running', Paused: false });
  });
}

function signal(container: ContainerDir, name: 'SIGSTOP' | 'SIGCONT'): void {
  const { Pid, ProcStartTime } = container.state();
  if (!signalOwn({ pid: Pid, startTime: ProcStartTime }, name, { group: true }))
    throw new DockerError(
      `Error response from daemon: container ${container.id}: its process is gone`,
    );
}
