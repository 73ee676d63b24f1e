import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** What `docker run` was asked for (the parts `docker inspect` shows). */
export interface ContainerConfig {
  Id: string;
  /** With the leading slash, as Docker stores it. */
  Name: string;
  Image: string;
  ImageId: string;
  Created: string;
  Env: string[];
  Cmd: string[];
  RestartPolicy: string;
  NetworkMode: string;
  Mounts: string[];
}

/** Written by the container's shim only; `docker stop` signals through the stop-request file. */
export interface ContainerState {
  Status: 'created' | 'running' | 'paused' | 'restarting' | 'exited';
  Running: boolean;
  /** `docker pause`: the process group is frozen (SIGSTOP); it still counts as running. */
  Paused?: boolean;
  Restarting: boolean;
  Pid: number;
  /** The container process's start time (from /proc), to signal only that process. */
  ProcStartTime: string;
  ExitCode: number;
  StartedAt: string;
  FinishedAt: string;
  RestartCount: number;
  ShimPid: number;
}

/** One container's directory: config.json, state.json, container.log, stop-request. */
export class ContainerDir {
  constructor(readonly dir: string) {}

  get id(): string {
    return this.config().Id;
  }

  config(): ContainerConfig {
    return JSON.parse(readFileSync(join(this.dir, 'config.json'), 'utf8')) as ContainerConfig;
  }

  state(): ContainerState {
    return JSON.parse(readFileSync(join(this.dir, 'state.json'), 'utf8')) as ContainerState;
  }

  writeState(state: ContainerState): void {
    const file = join(this.dir, 'state.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  }

  get logFile(): string {
    return join(this.dir, 'container.log');
  }

  /** `docker stop`/`kill`/`rm -f` ask for a stop: the shim must not restart after this. */
  requestStop(): void {
    writeFileSync(join(this.dir, 'stop-request'), new Date().toISOString());
  }

  stopRequested(): boolean {
    return existsSync(join(this.dir, 'stop-request'));
  }

  exists(): boolean {
    return existsSync(join(this.dir, 'config.json'));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The containers of a docker dir, found by full or short id or by name. */
export class ContainerStore {
  readonly root: string;

  constructor(dockerDir: string) {
    this.root = join(dockerDir, 'containers');
    mkdirSync(this.root, { recursive: true });
  }

  all(): ContainerDir[] {
    return readdirSync(this.root)
      .map((id) => new ContainerDir(join(this.root, id)))
      .filter((container) => container.exists());
  }

  find(nameOrId: string): ContainerDir | undefined {
    const name = nameOrId.startsWith('/') ? nameOrId : `/${nameOrId}`;
    const all = this.all();
    return (
      all.find((container) => container.config().Name === name) ??
      all.find((container) => nameOrId.length >= 1 && container.id.startsWith(nameOrId))
    );
  }

  create(config: ContainerConfig, state: ContainerState): ContainerDir {
    const container = new ContainerDir(join(this.root, config.Id));
    mkdirSync(container.dir, { recursive: true });
    container.writeState(state);
    writeFileSync(join(container.dir, 'config.json'), JSON.stringify(config, null, 2));
    return container;
  }
}
