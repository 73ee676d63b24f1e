import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { componentScript } from '../launchers/launcher.js';
import { DockerError, parseDockerArgs } from './arguments.js';
import type { DockerContext } from './context.js';
import { daemonUnavailable } from './context.js';
import { pullImage } from './image-commands.js';
import { normalizeRef } from './images.js';

const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'];
/** How long `run` waits for the shim to report the process started. */
const START_WAIT_MS = 10_000;

/**
 * `docker run -d [--name N] [--restart P] [-e K=V]... [-v A:B]... IMAGE [CMD...]`: pulls a
 * missing image first (as Docker does), then hands the container to a shim of its own
 * (detached, like containerd's), which runs the container process and restarts it per policy.
 * Prints the id once the process runs. Only detached runs are emulated.
 */
export async function run(ctx: DockerContext, args: readonly string[]): Promise<number> {
  if (ctx.settings.dockerUnavailable) throw daemonUnavailable();
  const parsed = parseDockerArgs('run', args, {
    bool: { detach: 'd', rm: '', interactive: 'i', tty: 't' },
    value: {
      name: '',
      restart: '',
      env: 'e',
      volume: 'v',
      network: '',
      'log-driver': '',
      'log-opt': '',
      publish: 'p',
      workdir: 'w',
      label: 'l',
      entrypoint: '',
    },
    stopAtPositional: true,
  });
  const [image, ...cmd] = parsed.positionals;
  if (image === undefined) throw new DockerError('"docker run" requires at least 1 argument.', 125);
  if (!parsed.has('detach')) {
    throw new DockerError('the emulated docker runs detached containers only: add -d', 125);
  }
  const restart = parsed.last('restart') ?? 'no';
  if (!RESTART_POLICIES.includes(restart.split(':')[0] as string)) {
    throw new DockerError(
      `docker: Error response from daemon: invalid restart policy '${restart}'.`,
      125,
    );
  }
  const name = parsed.last('name') ?? `emulated_${randomBytes(4).toString('hex')}`;
  const taken = ctx.containers.find(name);
  if (taken !== undefined && taken.config().Name === `/${name}`) {
    throw new DockerError(
      `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.`,
      125,
    );
  }
  let record = ctx.images.find(image);
  if (record === undefined) {
    ctx.err(`Unable to find image '${normalizeRef(image)}' locally\n`);
    record = await pullImage({ ...ctx, out: ctx.err }, image);
  }
  const id = randomBytes(32).toString('hex');
  const container = ctx.containers.create(
    {
      Id: id,
      Name: `/${name}`,
      Image: image,
      ImageId: record.Id,
      Created: new Date().toISOString(),
      Env: parsed.all('env'),
      Cmd: cmd,
      RestartPolicy: restart,
      NetworkMode: parsed.last('network') ?? 'bridge',
      Mounts: parsed.all('volume'),
    },
    {
      Status: 'created',
      Running: false,
      Restarting: false,
      Pid: 0,
      ProcStartTime: '',
      ExitCode: 0,
      StartedAt: '0001-01-01T00:00:00Z',
      FinishedAt: '0001-01-01T00:00:00Z',
      RestartCount: 0,
      ShimPid: 0,
    },
  );
  const shim = spawn(
    process.execPath,
    [componentScript('container-shim'), ctx.settings.dockerDir, id],
    { detached: true, stdio: 'ignore', env: process.env },
  );
  shim.unref();
  const deadline = Date.now() + START_WAIT_MS;
  while (container.state().Status === 'created') {
    if (Date.now() > deadline) {
      throw new DockerError(
        `docker: Error response from daemon: container ${id} did not start (its shim never reported)`,
        125,
      );
    }
    await sleep(20);
  }
  ctx.out(`${id}\n`);
  return 0;
}
