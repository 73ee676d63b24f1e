/**
 * `stigmer-e2e fault` as users run it, against the emulated Stigmer stack (the `docker`
 * stand-in mocks the Docker engine, which cannot run here): real processes, exit codes, JSON.
 */
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { emulatorBin } from '@stigmer/e2e-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRecord, Recovery } from '../src/index.js';
import { type EmulatedStigmer, emulatedStigmer } from './helpers/emulated-stigmer.js';
import { CLI, isRunning, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const exec = promisify(execFile);
let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: EmulatedStigmer;
let leaseId: string;

const cliEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  ...stack.env,
  CI: '',
  STIGMER_E2E_BIN: emulatorBin,
  STIGMER_SERVER_ADDR: `localhost:${stack.ports.server}`,
  TEMPORAL_ADDRESS: `localhost:${stack.ports.temporal}`,
});

const logDir = () => path.join(stack.home, '.stigmer', 'e2e', 'logs');
const resumerLogs = async () =>
  (await readdir(logDir())).filter((name) => name.startsWith('fault-resumer-'));

/** The one-letter state of a process (`T`: stopped). */
async function state(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      env: cliEnv(),
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  temp = await tempDir('fault-cli');
  stack = await emulatedStigmer(temp.dir, {
    healthCheckIntervalMs: 300,
    restartDelayMs: 100,
    supervisorStopWaitMs: 200,
    supervisorStartWaitMs: 300,
  });
  const up = await cli('up', '--json', '--quiet');
  expect(up.code, up.stderr).toBe(0);
  leaseId = (JSON.parse(up.stdout) as { leaseId: string }).leaseId;
});
afterAll(async () => {
  if (leaseId) await cli('down', '--lease', leaseId);
  await stack?.cleanup();
  await temp?.remove();
});

describe('stigmer-e2e fault', () => {
  it('kill workflow-runner --wait --json: the fault and the recovery timeline, exit 0', async () => {
    const before = (await stack.pid('workflow-runner'))!;
    const ran = await cli('fault', 'kill', 'workflow-runner', '--wait', '--json');
    expect(ran.code, ran.stderr).toBe(0);
    const { fault, recovery } = JSON.parse(ran.stdout) as {
      fault: FaultRecord;
      recovery: Recovery;
    };
    expect(fault).toMatchObject({ fault: 'kill', target: { pid: before } });
    expect(recovery).toMatchObject({ component: 'workflow-runner', recovered: true });
    expect(recovery.readyAt! - recovery.wentDownAt!).toBe(recovery.recoveryMs);
    expect((recovery.after as { pid: number }).pid).toBe(await stack.pid('workflow-runner'));
    expect(await isRunning(before)).toBe(false);
    console.log(`recovery: CLI kill workflow-runner: ${recovery.recoveryMs} ms`);
  });

  it('pause temporal --for 1 --wait: frozen, resumed after 1 s, said in words', async () => {
    const ran = await cli('fault', 'pause', 'temporal', '--for', '1', '--wait');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/^pause: temporal, pid \d+ \(listener on localhost:\d+\): SIGSTOP/m);
    expect(ran.stderr).toMatch(/temporal back after 1\.\d s, ready [\d.]+ s later: recovered in/);
  });

  it('pause without --wait returns at once; the detached resumer ends the pause', async () => {
    const pid = (await stack.pid('temporal'))!;
    const ran = await cli('fault', 'pause', 'temporal', '--for', '1', '--json');
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ fault: { fault: 'pause' }, recovery: null });
    expect(await state(pid)).toBe('T');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await state(pid)).not.toBe('T');
  });

  it('pause --for 60 --wait, then Ctrl-C: resumed at once, exit 130', async () => {
    const pid = (await stack.pid('temporal'))!;
    const before = await resumerLogs();
    const child = spawn(
      process.execPath,
      [CLI, 'fault', 'pause', 'temporal', '--for', '60', '--wait'],
      {
        env: cliEnv(),
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    await waitFor(async () => /SIGSTOP/.test(stderr), 20_000, 'the pause');
    expect(await state(pid)).toBe('T');
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(130);
    expect(await state(pid)).not.toBe('T');
    // Resumed by the command itself, not left to its resumer (which would also act: its holder died).
    const resumerLog = async () => {
      const name = (await resumerLogs()).find((n) => !before.includes(n));
      return name ? readFile(path.join(logDir(), name), 'utf8') : '';
    };
    await waitFor(async () => /exiting|died|over/.test(await resumerLog()), 5_000, 'the resumer');
    // It found the pause over already (or gone before it first looked): the command resumed it.
    expect(await resumerLog()).toMatch(/resumed by someone else: exiting|no pause at .*: exiting/);
  });

  it('refusals and wrong use: an unknown component (1), pause without --for (2), no fault (2)', async () => {
    const unknown = await cli('fault', 'kill', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('has no component "nope". Expected one of: stigmer-server');
    const noFor = await cli('fault', 'pause', 'temporal');
    expect(noFor.code).toBe(2);
    expect(noFor.stderr).toContain('needs --for <seconds>');
    const nothing = await cli('fault', 'crash', 'temporal');
    expect(nothing.code).toBe(2);
  });
});
