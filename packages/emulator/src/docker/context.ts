import type { EmulatorSettings } from '../settings.js';
import { DockerError } from './arguments.js';
import { ContainerStore } from './containers.js';
import { ImageStore } from './images.js';

/** What every docker subcommand works on: the stand-in's state and the knobs. */
export interface DockerContext {
  settings: EmulatorSettings;
  images: ImageStore;
  containers: ContainerStore;
  out(text: string): void;
  err(text: string): void;
}

export function dockerContext(settings: EmulatorSettings): DockerContext {
  return {
    settings,
    images: new ImageStore(settings.dockerDir),
    containers: new ContainerStore(settings.dockerDir),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

/** The daemon-down answer (the unavailable knob): every command that needs the daemon fails. */
export function daemonUnavailable(): DockerError {
  return new DockerError(
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  );
}

export function noSuchContainer(name: string): DockerError {
  return new DockerError(`Error response from daemon: No such container: ${name}`);
}
