import { parseDockerArgs } from './arguments.js';
import type { ContainerDir } from './containers.js';
import { type DockerContext, daemonUnavailable } from './context.js';
import { renderTemplate } from './template.js';

/** A container as `docker inspect` shows it (the fields probes and the CLI read). */
export function containerView(container: ContainerDir) {
  const config = container.config();
  const state = container.state();
  return {
    Id: config.Id,
    Created: config.Created,
    Path: config.Cmd[0] ?? '',
    Args: config.Cmd.slice(1),
    State: {
      Status: state.Status,
      Running: state.Running,
      Paused: state.Paused ?? false,
      Restarting: state.Restarting,
      OOMKilled: false,
      Dead: false,
      Pid: state.Running ? state.Pid : 0,
      ExitCode: state.ExitCode,
      Error: '',
      StartedAt: state.StartedAt,
      FinishedAt: state.FinishedAt,
    },
    Image: config.ImageId,
    Name: config.Name,
    RestartCount: state.RestartCount,
    HostConfig: {
      RestartPolicy: { Name: config.RestartPolicy, MaximumRetryCount: 0 },
      NetworkMode: config.NetworkMode,
    },
    Mounts: config.Mounts,
    Config: { Image: config.Image, Env: config.Env, Cmd: config.Cmd },
  };
}

/** `docker inspect [-f T] [--type container|image] NAME...`; missing: "No such object", exit 1. */
export function inspect(ctx: DockerContext, args: readonly string[]): number {
  if (ctx.settings.dockerUnavailable) throw daemonUnavailable();
  const parsed = parseDockerArgs('inspect', args, {
    value: { format: 'f', type: '' },
    bool: { size: 's' },
  });
  const type = parsed.last('type');
  const found: object[] = [];
  let code = 0;
  for (const name of parsed.positionals) {
    const container = type === 'image' ? undefined : ctx.containers.find(name);
    const image = type === 'container' || container ? undefined : ctx.images.find(name);
    if (container) found.push(containerView(container));
    else if (image) found.push({ ...image, Architecture: 'amd64', Os: 'linux' });
    else {
      ctx.err(`Error: No such object: ${name}\n`);
      code = 1;
    }
  }
  const format = parsed.last('format');
  if (format !== undefined) for (const item of found) ctx.out(`${renderTemplate(format, item)}\n`);
  else ctx.out(`${JSON.stringify(found, null, 4)}\n`);
  return code;
}

/** `docker ps [-a] [-q] [-f name=REGEX|status=S|id=ID] [--format T]` */
export function ps(ctx: DockerContext, args: readonly string[]): number {
  if (ctx.settings.dockerUnavailable) throw daemonUnavailable();
  const parsed = parseDockerArgs('ps', args, {
    bool: { all: 'a', quiet: 'q', 'no-trunc': '' },
    value: { filter: 'f', format: '' },
  });
  const filters = parsed.all('filter').map((filter) => {
    const eq = filter.indexOf('=');
    return { key: filter.slice(0, eq), value: filter.slice(eq + 1) };
  });
  const rows = ctx.containers
    .all()
    .map(containerView)
    .filter((view) => parsed.has('all') || view.State.Running)
    .filter((view) =>
      filters.every(({ key, value }) => {
        if (key === 'name') return new RegExp(value).test(view.Name.slice(1));
        if (key === 'status') return view.State.Status === value;
        if (key === 'id') return view.Id.startsWith(value);
        return true;
      }),
    );
  const id = (view: { Id: string }) => (parsed.has('no-trunc') ? view.Id : view.Id.slice(0, 12));
  const status = (view: ReturnType<typeof containerView>) =>
    view.State.Running
      ? view.State.Paused
        ? 'Up (Paused)'
        : 'Up'
      : view.State.Restarting
        ? 'Restarting'
        : `Exited (${view.State.ExitCode})`;
  const format = parsed.last('format');
  for (const view of rows) {
    if (parsed.has('quiet')) ctx.out(`${id(view)}\n`);
    else if (format !== undefined) {
      const data = {
        ID: id(view),
        Names: view.Name.slice(1),
        Image: view.Config.Image,
        Status: status(view),
        State: view.State.Status,
      };
      ctx.out(`${renderTemplate(format, data)}\n`);
    }
  }
  if (!parsed.has('quiet') && format === undefined) {
    ctx.out('CONTAINER ID   IMAGE                                  STATUS          NAMES\n');
    for (const view of rows) {
      ctx.out(
        `${id(view).padEnd(15)}${view.Config.Image.padEnd(39)}${status(view).padEnd(16)}${view.Name.slice(1)}\n`,
      );
    }
  }
  return 0;
}
