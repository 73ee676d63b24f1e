/**
 * The fault suite (e2e/) as a user runs it: `vitest run --config vitest.faults.config.ts`, a real
 * Vitest in its own process, with the emulator of the `stigmer` CLI from this repository standing
 * in for the real one (a mock: the real stack cannot run here) and its `docker` stand-in for
 * Docker, in a throwaway HOME on free ports. The supervisor checks every 300 ms here (10 s in
 * Stigmer), so the suite takes seconds.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatedMachine, emulatorBin, emulatorProcesses, waitFor } from '@stigmer/e2e-emulator';
import { expect, it } from 'vitest';

const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '(gone)';
  }
};

function vitest(args: string[], env: NodeJS.ProcessEnv) {
  const clean = { ...env };
  for (const name of Object.keys(clean))
    if (name.startsWith('VITEST') || name === 'TEST' || name === 'NODE_OPTIONS') delete clean[name];
  const entry = path.join(EXAMPLE_DIR, 'node_modules', 'vitest', 'vitest.mjs');
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: EXAMPLE_DIR,
    env: { ...clean, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

it('kills workflow-runner and pauses Temporal mid-suite: the app recovers, the times are reported, nothing is left running', async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'vitest-faults-'));
  const machine = await emulatedMachine(home, {
    healthCheckIntervalMs: 300,
    restartDelayMs: 100,
    supervisorStopWaitMs: 200,
    supervisorStartWaitMs: 300,
  });
  try {
    const ran = await vitest(['run', '--config', 'vitest.faults.config.ts'], {
      ...process.env,
      ...machine.env,
      ...machine.addresses,
      STIGMER_E2E_BIN: emulatorBin,
      CI: '',
    });
    expect(ran.code, ran.output).toBe(0);
    expect(ran.output).toMatch(/Tests {2}2 passed/);
    expect(ran.output).toMatch(/recovery: kill workflow-runner: back after \d+ ms/);
    expect(ran.output).toMatch(/recovery: pause temporal 3 s: back after \d+ ms/);
    expect(ran.output).toMatch(/recovery: the client's call completed after \d+ attempts/);
    console.log(
      ran.output
        .split('\n')
        .filter((l) => l.startsWith('recovery:'))
        .join('\n'),
    );
    // The plugin's run owned the stack and stopped it, restarted workflow-runner and resumer
    // included; only Ollama is left, spared as the real CLI spares it. (Core's watchdog exits at
    // its next poll after the release.)
    const ollama = Number((await readFile(path.join(home, '.stigmer', 'llm.pid'), 'utf8')).trim());
    const others = () => emulatorProcesses(home).filter((p) => p.pid !== ollama);
    await waitFor(() => others().length === 0, 10_000, 'the stack to be gone').catch(() => {});
    const left = others().map((p) => `${p.pid} ${commandLine(p.pid)}`);
    expect(left, left.join('\n')).toEqual([]);
  } finally {
    await machine.cleanup();
    await rm(home, { recursive: true, force: true });
  }
});
