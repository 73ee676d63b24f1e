/**
 * The `docker` stand-in (bin/docker runs this): the subcommands the Stigmer CLI, its
 * supervisor and the Action use, on state in the docker dir knob (default
 * `~/.docker-emulator`). No Docker engine is involved; a container is a real process under a
 * shim of its own. Exit codes and messages are Docker's.
 */
import { DockerError } from '../docker/arguments.js';
import { dockerContext } from '../docker/context.js';
import { readSettings } from '../settings.js';

const VERSION = '27.5.1';
const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  const ctx = dockerContext(readSettings());
  switch (command) {
    case 'version':
    case 'info': {
      ctx.out(
        `Client:\n Version:    ${VERSION}\n Context:    default (emulated by @stigmer/e2e-emulator)\n`,
      );
      if (ctx.settings.dockerUnavailable) {
        throw new DockerError(
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        );
      }
      ctx.out(`\nServer:\n Engine:\n  Version:  ${VERSION}\n  OS/Arch:  linux/amd64\n`);
      return 0;
    }
    case 'run':
      return (await import('../docker/run.js')).run(ctx, args);
    case 'stop':
      return (await import('../docker/stop.js')).stop(ctx, args);
    case 'kill':
      return (await import('../docker/stop.js')).kill(ctx, args);
    case 'pause':
      return (await import('../docker/pause.js')).pause(ctx, args);
    case 'unpause':
      return (await import('../docker/pause.js')).unpause(ctx, args);
    case 'rm':
      return (await import('../docker/stop.js')).rm(ctx, args);
    case 'inspect':
      return (await import('../docker/inspect.js')).inspect(ctx, args);
    case 'ps':
      return (await import('../docker/inspect.js')).ps(ctx, args);
    case 'logs':
      return (await import('../docker/logs.js')).logs(ctx, args);
    case 'images':
    case 'pull':
    case 'tag':
    case 'save':
    case 'load':
    case 'rmi': {
      const images = await import('../docker/image-commands.js');
      if (ctx.settings.dockerUnavailable)
        throw (await import('../docker/context.js')).daemonUnavailable();
      return images[command](ctx, args);
    }
    default:
      throw new DockerError(
        `docker: '${command ?? ''}' is not a docker command (the emulated docker has: version, info, run, ps, inspect, logs, stop, kill, pause, unpause, rm, images, pull, tag, save, load, rmi).\nSee 'docker --help'`,
      );
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DockerError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    process.stderr.write(
      `emulated docker: internal error (a bug in @stigmer/e2e-emulator): ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exit(1);
  },
);
