/**
 * Every command core runs (a stop command, a command probe, `docker inspect`) ends within its
 * bound whatever its children do: a child left running with the command's stdout and stderr
 * open must not keep core waiting (and holding the state dir's lock) for as long as it lives.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getFreePorts } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer, type ServerSpec } from '../src/index.js';
import { probeCommand } from '../src/probe/command.js';
import { probeDocker } from '../src/probe/docker.js';
import type { ProcessRef } from '../src/process/identity.js';
import { trackRef } from './helpers/leftovers.js';
import { FIXTURES, isRunning, portAccepts, Worker } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('bounded');
});
afterEach(async () => {
  await temp.remove();
});

/**
 * A shell snippet that leaves `sleep 600` running with the command's stdout and stderr, and
 * writes its identity (pid, start time from /proc) to `file`, for the checks and the cleanup.
 */
const leaveSleeper = (file: string) =>
  `sleep 600 & echo "$! $(cut -d' ' -f22 /proc/$!/stat)" > "${file}"`;

async function sleeper(file: string): Promise<ProcessRef> {
  const [pid, startTime] = (await readFile(file, 'utf8')).trim().split(' ');
  const ref = { pid: Number(pid), startTime: startTime! };
  trackRef(ref);
  return ref;
}

describe('a command whose child keeps its output open', () => {
  it('a stop command leaving a child with its output (sh -c "sleep 600 & exit 0"): the release returns within the bound, and the next run gets the lock', async () => {
    const [port] = (await getFreePorts(1)) as [number];
    const pidFile = path.join(temp.dir, 'server.pid');
    const sleepFile = path.join(temp.dir, 'sleeper');
    const server = `"${process.execPath}" "${path.join(FIXTURES, 'server.mjs')}"`;
    const stopTimeoutMs = 2_000;
    const spec: ServerSpec = {
      name: 'daemon',
      stateDir: path.join(temp.dir, 'state'),
      start: {
        command: ['sh', '-c', `${server} >/dev/null 2>&1 & echo $! > "${pidFile}"`],
        mode: 'daemon',
        env: { FIXTURE_PORT: String(port) },
      },
      stop: {
        command: ['sh', '-c', `kill $(cat "${pidFile}"); ${leaveSleeper(sleepFile)}; exit 0`],
        timeoutMs: stopTimeoutMs,
      },
      components: [{ name: 'web', probe: { http: `http://127.0.0.1:${port}/` }, pidFile }],
      readyTimeoutMs: 15_000,
    };
    const specFile = path.join(temp.dir, 'spec.json');
    await writeFile(specFile, JSON.stringify(spec));
    const handle = await ensureServer(defineServer(spec));
    expect(handle.available).toBe(true);

    const releasing = handle.release();
    // Another run arrives while the stop runs: it waits for the lock, then starts the stack anew.
    const next = new Worker(specFile, 0);
    const result = await releasing;
    // The stop command's own timeout plus the grace before it is killed as hung (stop.ts).
    expect(result.stop!.commandMs).toBeLessThan(stopTimeoutMs + 5_000);
    expect(result.stop!.steps.join('\n')).toMatch(/exited 0/);
    expect(await isRunning((await sleeper(sleepFile)).pid)).toBe(false);
    expect((await next.next('ensured', 60_000)).handle).toMatchObject({
      available: true,
      outcome: 'started',
    });
    expect((await next.next('released', 60_000)).result!.stop).toMatchObject({ stopped: true });
    expect(await portAccepts(port)).toBe(false);
  });

  it('a command probe leaving a child with its output: answers within its timeout, the child stopped', async () => {
    const file = path.join(temp.dir, 'sleeper');
    const result = await probeCommand(['sh', '-c', `${leaveSleeper(file)}; exit 1`], 1_000);
    expect(result).toMatchObject({ ready: false, detail: expect.stringMatching(/exited 1/) });
    expect(await isRunning((await sleeper(file)).pid)).toBe(false);
  });

  it('a command probe that hangs, its child too: timed out, the whole group killed', async () => {
    const file = path.join(temp.dir, 'sleeper');
    const result = await probeCommand(['sh', '-c', `${leaveSleeper(file)}; sleep 600`], 500);
    expect(result).toMatchObject({ ready: false, detail: expect.stringMatching(/timed out/) });
    expect(await isRunning((await sleeper(file)).pid)).toBe(false);
  });

  it('docker inspect leaving a child with its output: answers, the child stopped', async () => {
    // A stand-in for the docker CLI (no Docker engine here): it answers, and leaves a child behind.
    const bin = path.join(temp.dir, 'bin');
    await mkdir(bin);
    const file = path.join(temp.dir, 'sleeper');
    await writeFile(path.join(bin, 'docker'), `#!/bin/sh\n${leaveSleeper(file)}\necho true\n`);
    await chmod(path.join(bin, 'docker'), 0o755);
    const saved = process.env.PATH;
    process.env.PATH = `${bin}:${saved}`;
    try {
      expect(await probeDocker('db', 5_000)).toMatchObject({ ready: true });
    } finally {
      process.env.PATH = saved;
    }
    expect(await isRunning((await sleeper(file)).pid)).toBe(false);
  });
});
