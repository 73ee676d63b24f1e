/**
 * Two `stigmer-e2e run` processes on one emulated Stigmer stack: the first starts it, the second
 * joins it while the first's command runs. The CLI prints core's vocabulary, as the Vitest adapter
 * does (packages/vitest-adapter/test/joiner.test.ts): the joiner says it uses a stack another run
 * started; whoever leaves first says it left the stack running for the other; whoever leaves
 * last says it stopped it, and whether it had started it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emulatorBin } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { CLI, isRunning, portAccepts, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: EmulatedStigmer | undefined;
const children: number[] = [];
beforeEach(async () => {
  temp = await tempDir('joiner');
});
afterEach(async () => {
  for (const pid of children.splice(0))
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  await stack?.cleanup();
  stack = undefined;
  await temp.remove();
});

const STARTED = /✓ stigmer is available \(started by this run, which owns it\) after [\d.]+ s/;
const JOINED =
  /✓ stigmer is available \(started by another stigmer-e2e run: shared, the last run out stops it\) after [\d.]+ s/;
const LEFT_RUNNING = 'stigmer left running for 1 other run; the last one out stops it.';

/**
 * `stigmer-e2e run -- <command>` on the stack, as a user types it: the Stigmer profile from the
 * environment. The command holds the stack (the run's lease) from the moment it runs until
 * `leave()`, which resolves with what the CLI printed.
 */
async function holdingRun(on: EmulatedStigmer, name: string) {
  const running = path.join(temp.dir, `${name}-running`);
  const leaveFile = path.join(temp.dir, `${name}-leave`);
  const hold = `const fs = require('fs');
    fs.writeFileSync(${JSON.stringify(running)}, '');
    const wait = () => (fs.existsSync(${JSON.stringify(leaveFile)}) ? process.exit(0) : setTimeout(wait, 50));
    wait();`;
  const child = spawn(
    process.execPath,
    [CLI, 'run', '--on-unavailable', 'fail', '--', process.execPath, '-e', hold],
    {
      env: {
        ...process.env,
        ...on.env,
        CI: '',
        STIGMER_E2E_BIN: emulatorBin,
        STIGMER_SERVER_ADDR: `localhost:${on.ports.server}`,
        TEMPORAL_ADDRESS: `localhost:${on.ports.temporal}`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  await Promise.race([
    waitFor(() => existsSync(running), 90_000, `the ${name} run's command to hold the stack`),
    exited.then((code) => {
      throw new Error(`the ${name} run exited ${code} before its command ran:\n${stderr}`);
    }),
  ]);
  return {
    async leave(): Promise<string> {
      await writeFile(leaveFile, '');
      const code = await exited;
      expect(code, stderr).toBe(0);
      return stderr;
    },
  };
}

async function serverRunning(on: EmulatedStigmer): Promise<boolean> {
  const pid = await on.pid('daemon');
  return pid !== null && (await isRunning(pid));
}

it('the joiner leaves first: it says it shared the stack and left it running; the starter stops it', async () => {
  stack = await emulatedStigmer(temp.dir);
  const first = await holdingRun(stack, 'first');
  const second = await holdingRun(stack, 'second');

  const joiner = await second.leave();
  expect(joiner).toMatch(JOINED);
  expect(joiner).toContain(LEFT_RUNNING);
  expect(joiner).not.toContain('started by this run');
  expect(joiner).not.toContain('stigmer stopped');
  expect(await serverRunning(stack)).toBe(true);

  const starter = await first.leave();
  expect(starter).toMatch(STARTED);
  expect(starter).toMatch(
    /stigmer stopped in [\d.]+ s \(this run started it and was the last one using it\)\./,
  );
  expect(starter).not.toContain('left running');
  expect(await portAccepts(stack.ports.server)).toBe(false);
});

it('the starter leaves first: it leaves the stack running; the joiner, last out, stops a stack it did not start', async () => {
  stack = await emulatedStigmer(temp.dir);
  const first = await holdingRun(stack, 'first');
  const second = await holdingRun(stack, 'second');

  const starter = await first.leave();
  expect(starter).toMatch(STARTED);
  expect(starter).toContain(LEFT_RUNNING);
  expect(starter).not.toContain('stigmer stopped');
  expect(await serverRunning(stack)).toBe(true);

  const joiner = await second.leave();
  expect(joiner).toMatch(JOINED);
  expect(joiner).toMatch(
    /stigmer stopped in [\d.]+ s \(another run started it; this run was the last one using it\)\./,
  );
  expect(joiner).not.toContain('started by this run');
  expect(await portAccepts(stack.ports.server)).toBe(false);
});
