/**
 * Process mode with a wrapper as the start command (sh, npm, pnpm, turbo): the wrapper is the
 * process we started and recorded, the server is its child. When the wrapper exits or is
 * killed first, its child still runs in the wrapper's process group: the stop must reach it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer, type ServerSpec } from '../src/index.js';
import { processRef } from '../src/process/identity.js';
import { signalVerified } from '../src/process/signal.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { trackRef } from './helpers/leftovers.js';
import { FIXTURES, isRunning, lifecycleEvents, portAccepts, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('wrapper');
});
afterEach(async () => {
  await temp.remove();
});

/** The fixture server started through `sh -c '<node server.mjs> & <rest>'`. */
async function wrapped(rest: string, env: Record<string, string> = {}) {
  const stack = await fixtureStack(temp.dir, env);
  const server = `"${process.execPath}" "${path.join(FIXTURES, 'server.mjs')}"`;
  const spec: ServerSpec = {
    ...stack.spec,
    start: { ...stack.spec.start!, command: ['sh', '-c', `${server} & ${rest}`] },
  };
  return { ...stack, spec };
}

/** Live processes whose process group is `pgid` (from /proc). */
async function groupMembers(pgid: number): Promise<number[]> {
  const members: number[] = [];
  for (const entry of await readdir('/proc')) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat || !/^\d+$/.test(entry)) continue;
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** The server's pid, from the start it recorded; a failing test's cleanup stops it too. */
async function serverPid(file: string): Promise<number | undefined> {
  const pid = (await lifecycleEvents(file)).find((e) => e.what === 'start')?.pid;
  if (pid) trackRef(await processRef(pid));
  return pid;
}

describe('process mode: a wrapper start command', () => {
  it('a wrapper killed while its server runs (sh -c "node server & wait"): the stop reaches the server in its group', async () => {
    const stack = await wrapped('wait');
    const handle = await ensureServer(defineServer(stack.spec));
    expect(handle.available).toBe(true);
    const state = JSON.parse(await readFile(path.join(stack.spec.stateDir!, 'state.json'), 'utf8'));
    const wrapper = state.owner.process;
    const server = (await serverPid(stack.startsFile))!;
    expect(await signalVerified(wrapper, 'SIGKILL')).toBe(true);
    await waitFor(async () => !(await isRunning(wrapper.pid)), 10_000, 'the wrapper to die');
    expect(await isRunning(server)).toBe(true);

    const result = await handle.release();
    expect(result.stop!.steps.join('\n')).toMatch(
      new RegExp(`pid ${wrapper.pid} had already exited: SIGTERM to the 1 process.* it left`),
    );
    expect(result.stop!.problems).toEqual([]);
    expect(await isRunning(server)).toBe(false);
    expect(await portAccepts(stack.port)).toBe(false);
    expect(await groupMembers(wrapper.pid)).toEqual([]);
  });

  it('a wrapper that exits once its server runs (sh -c "node server &"): the failed start leaves nothing running', async () => {
    // The server never listens (a long boot); the wrapper exits once it has started it.
    const stack = await wrapped(
      `while ! [ -s "$FIXTURE_STARTS_FILE" ]; do sleep 0.05; done; exit 0`,
      { FIXTURE_DELAY_MS: '600000' },
    );
    const said: string[] = [];
    const logger = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
    const handle = await ensureServer(defineServer(stack.spec), {
      onUnavailable: 'skip',
      timeoutMs: 30_000,
      logger,
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/exited with code 0 before it was ready/);
    const server = (await serverPid(stack.startsFile))!;
    expect(said.join('\n')).toMatch(/had already exited: SIGTERM to the 1 process.* it left/);
    expect(await isRunning(server)).toBe(false);
  });
});
