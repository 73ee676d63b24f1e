import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dockerBinDir, emulatorEnv, killEmulatorProcesses } from '../src/index.js';
import { type CliResult, runProgram } from './support/cli.js';
import { alive, processGroup, processState } from './support/processes.js';
import { eventually, sleep } from './support/wait.js';

// The docker stand-in on its own (no Docker engine exists here): what the CLI and Action call.
let home: string;
let env: NodeJS.ProcessEnv;
const docker = (...args: string[]): Promise<CliResult> =>
  runProgram(join(dockerBinDir, 'docker'), args, env);
const IMAGE = 'ghcr.io/stigmer/agent-runner:latest';

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'stigmer-emulator-docker-'));
  env = { PATH: process.env.PATH, HOME: home, ...emulatorEnv({ imagePullMs: 200 }) };
});
afterEach(() => {
  killEmulatorProcesses(home);
  rmSync(home, { recursive: true, force: true });
});

async function runAgent(): Promise<string> {
  const run = await docker(
    'run',
    '-d',
    '--name',
    'stigmer-agent-runner',
    '--restart',
    'unless-stopped',
    '-e',
    'MODE=local',
    IMAGE,
  );
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trim();
}

const pidOf = async (name: string) =>
  Number((await docker('inspect', '-f', '{{.State.Pid}}', name)).stdout);

describe('the docker stand-in (page: "The process tree", 6; "Network and readiness", agent-runner)', () => {
  it('run pulls a missing image first, prints the id; inspect reads Go-template fields', async () => {
    expect((await docker('images', '-q', IMAGE)).stdout).toBe('');
    const id = await runAgent();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect((await docker('images', '-q', IMAGE)).stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(
      (await docker('inspect', '-f', '{{.State.Running}}', 'stigmer-agent-runner')).stdout,
    ).toBe('true\n');
    expect(
      (
        await docker(
          'inspect',
          '--format',
          '{{.Id}} {{.HostConfig.RestartPolicy.Name}}',
          id.slice(0, 12),
        )
      ).stdout,
    ).toBe(`${id} unless-stopped\n`);
    const pid = await pidOf('stigmer-agent-runner');
    expect(processGroup(pid)).toBe(pid); // a process group of its own
    expect((await docker('ps', '-aq', '-f', 'name=^stigmer-agent-runner$')).stdout).toBe(
      `${id.slice(0, 12)}\n`,
    );
    const missing = await docker('inspect', '-f', '{{.State.Running}}', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error: No such object: nope\n');
  });

  it('a second run with the same name is a conflict (exit 125); rm of a running container needs -f', async () => {
    const id = await runAgent();
    const again = await docker('run', '-d', '--name', 'stigmer-agent-runner', IMAGE);
    expect(again.code).toBe(125);
    expect(again.stderr).toContain(
      `The container name "/stigmer-agent-runner" is already in use by container "${id}"`,
    );
    const rm = await docker('rm', 'stigmer-agent-runner');
    expect(rm.code).toBe(1);
    expect(rm.stderr).toContain('container is running');
    const pid = await pidOf('stigmer-agent-runner');
    expect((await docker('rm', '-f', 'stigmer-agent-runner')).code).toBe(0);
    expect(alive(pid)).toBe(false);
    expect((await docker('ps', '-aq')).stdout).toBe('');
  });

  it('the shim restarts a killed container process (unless-stopped); after `docker stop` it stays down', async () => {
    await runAgent();
    const first = await pidOf('stigmer-agent-runner');
    process.kill(first, 'SIGKILL');
    expect(
      await eventually(async () => {
        const now = await pidOf('stigmer-agent-runner');
        return now !== 0 && now !== first;
      }),
    ).toBe(true);
    expect(
      (await docker('inspect', '-f', '{{.RestartCount}}', 'stigmer-agent-runner')).stdout,
    ).toBe('1\n');
    const second = await pidOf('stigmer-agent-runner');
    const stop = await docker('stop', 'stigmer-agent-runner');
    expect(stop.code).toBe(0);
    expect(stop.stdout).toBe('stigmer-agent-runner\n');
    expect(alive(second)).toBe(false);
    const state = await docker(
      'inspect',
      '-f',
      '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}',
      'stigmer-agent-runner',
    );
    expect(state.stdout).toBe('exited false 0\n');
  });

  it('`docker kill` is a stop by hand, as in Docker (HasBeenManuallyStopped): the restart policy does not bring it back', async () => {
    await runAgent();
    const pid = await pidOf('stigmer-agent-runner');
    expect((await docker('kill', 'stigmer-agent-runner')).code).toBe(0);
    expect(alive(pid)).toBe(false);
    await sleep(1_000); // several of the shim's restart back-offs (100 ms, doubling)
    const state = await docker(
      'inspect',
      '-f',
      '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}',
      'stigmer-agent-runner',
    );
    expect(state.stdout).toBe('exited 137 0\n');
  });

  it('pause freezes the container (still running, paused), unpause thaws it; a paused one still stops at SIGTERM', async () => {
    await runAgent();
    const pid = await pidOf('stigmer-agent-runner');
    const state = () =>
      docker(
        'inspect',
        '-f',
        '{{.State.Status}} {{.State.Running}} {{.State.Paused}}',
        'stigmer-agent-runner',
      );
    expect((await docker('pause', 'stigmer-agent-runner')).stdout).toBe('stigmer-agent-runner\n');
    expect(processState(pid)).toBe('T');
    expect((await state()).stdout).toBe('paused true true\n');
    const again = await docker('pause', 'stigmer-agent-runner');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is already paused');
    expect((await docker('ps', '--format', '{{.Status}}')).stdout).toBe('Up (Paused)\n');
    expect((await docker('unpause', 'stigmer-agent-runner')).code).toBe(0);
    expect(processState(pid)).not.toBe('T');
    expect((await state()).stdout).toBe('running true false\n');
    const notPaused = await docker('unpause', 'stigmer-agent-runner');
    expect(notPaused.code).toBe(1);
    expect(notPaused.stderr).toContain('is not paused');
    // Docker thaws a paused container after signalling it: SIGTERM ends it, no 10 s wait.
    await docker('pause', 'stigmer-agent-runner');
    const began = Date.now();
    expect((await docker('stop', 'stigmer-agent-runner')).code).toBe(0);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(alive(pid)).toBe(false);
    expect((await state()).stdout).toBe('exited false false\n');
  });

  it('logs: --tail N, each stream on its own, -f ends when the container stops', async () => {
    await runAgent();
    expect(
      await eventually(async () =>
        (await docker('logs', 'stigmer-agent-runner')).stdout.includes('Worker started'),
      ),
    ).toBe(true);
    const tail = await docker('logs', '--tail', '1', 'stigmer-agent-runner');
    expect(tail.stdout).toMatch(/^\S+ INFO Worker started, polling for agent executions\n$/);
    const follow = runProgram(
      join(dockerBinDir, 'docker'),
      ['logs', '-f', 'stigmer-agent-runner'],
      env,
    );
    await docker('stop', 'stigmer-agent-runner');
    const followed = await follow;
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain('Received SIGTERM, shutting down worker');
  });

  it('save -o and load -i carry an image to another docker dir; pull takes the pull knob', async () => {
    expect((await docker('pull', IMAGE)).stdout).toContain(
      `Status: Downloaded newer image for ${IMAGE}`,
    );
    expect((await docker('pull', IMAGE)).stdout).toContain(
      `Status: Image is up to date for ${IMAGE}`,
    );
    const archive = join(home, 'agent-runner.tar');
    expect((await docker('save', '-o', archive, IMAGE)).code).toBe(0);
    expect(existsSync(archive)).toBe(true);
    const digest = (await docker('images', '--format', '{{.Digest}}', IMAGE)).stdout;
    env = { ...env, ...emulatorEnv({ dockerDir: join(home, 'other-docker') }) };
    expect((await docker('images', '-q', IMAGE)).stdout).toBe('');
    const load = await docker('load', '-i', archive);
    expect(load.stdout).toBe(`Loaded image: ${IMAGE}\n`);
    expect((await docker('images', '--format', '{{.Digest}}', IMAGE)).stdout).toBe(digest);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}\n$/);
  });

  it('answers as a Docker without a daemon with the unavailable knob', async () => {
    env = { ...env, ...emulatorEnv({ dockerUnavailable: true }) };
    const version = await docker('version');
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('Cannot connect to the Docker daemon');
    expect((await docker('run', '-d', IMAGE)).code).toBe(1);
  });
});
