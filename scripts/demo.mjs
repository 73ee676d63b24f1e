#!/usr/bin/env node
// The lifecycle end to end, with the real `stigmer` if it is on PATH, otherwise with the
// emulator on an emulated machine: a throwaway HOME (a real ~/.stigmer is never touched), free
// ports for stigmer-server, Temporal and its fake Ollama, its `docker` stand-in first on PATH.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { colorsWanted } from './lib/colors.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'packages/core/dist/cli/bin.js');
const emulator = await import(path.join(root, 'packages/emulator/dist/index.js'));

const real = spawnSync('stigmer', ['--help'], { stdio: 'ignore' }).status === 0;
const env = { ...process.env, CI: '' };
let home;
if (real) {
  console.log('Using the real `stigmer` found on PATH (your own ~/.stigmer).');
} else {
  home = mkdtempSync(path.join(os.tmpdir(), 'stigmer-e2e-demo-'));
  const machine = await emulator.emulatedMachine(home, { temporalReadyDelayMs: 1500 });
  Object.assign(env, machine.env, machine.addresses, { STIGMER_E2E_BIN: emulator.emulatorBin });
  const { server, temporal, ollama } = machine.ports;
  console.log(
    `No \`stigmer\` on PATH: using the emulator of the Stigmer CLI (HOME=${home}, ports ${server}/${temporal}, Ollama ${ollama}).`,
  );
}

const bold = colorsWanted(); // bold step titles: never with NO_COLOR or in a log file
const step = (title) => console.log(bold ? `\n\x1b[1m== ${title}\x1b[0m` : `\n== ${title}`);
const run = (args, { quiet = false } = {}) => {
  console.log(`$ stigmer-e2e ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], {
    env,
    stdio: quiet ? 'ignore' : 'inherit',
  });
  console.log(`(exit ${result.status})`);
  return result.status;
};
const stigmer = (...args) => {
  console.log(`$ stigmer ${args.join(' ')}`);
  const bin = real ? ['stigmer'] : [process.execPath, emulator.emulatorBin];
  spawnSync(bin[0], [...bin.slice(1), ...args], { env, stdio: 'inherit' });
};
const showEnv = [
  'node',
  '-e',
  'console.log("  test sees STIGMER_SERVER_ADDR=" + process.env.STIGMER_SERVER_ADDR + " TEMPORAL_ADDRESS=" + process.env.TEMPORAL_ADDRESS)',
];

// The emulator's stack lives in a throwaway HOME: stop it however the demo ends (a closed pipe, Ctrl-C).
const cleanup = () => {
  if (!home) return;
  const dir = home;
  home = undefined;
  spawnSync(process.execPath, [emulator.emulatorBin, 'server', 'stop'], { env, stdio: 'ignore' });
  // What a real stop leaves running on purpose: managed Temporal (if the demo's last stop was by
  // hand) and Ollama. Synchronous, as this also runs on 'exit'.
  emulator.killEmulatorProcesses(dir);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    console.error(`could not remove ${dir}: ${error.message}`);
  }
};
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
process.stdout.on('error', () => {}); // a closed pipe (`demo | head`) must not skip the cleanup

try {
  step('1. Is the stack running?');
  const wasRunning = run(['status']) === 0;

  step(
    '2. A test run: start the stack if needed, run the tests with its env, stop it only if we started it',
  );
  run(['run', '--', ...showEnv]);

  if (!wasRunning) {
    step('3. A stack started by hand is reused and left running');
    stigmer('server');
    run(['run', '--', ...showEnv]);
    run(['status']);
    stigmer('server', 'stop');
    console.log(
      '(`stigmer server stop` leaves managed Temporal and Ollama running, as the real CLI does: stigmer-e2e, finding the stack partly running, waits up to 10 s for it, then starts it.)',
    );

    step('4. Three test runs at once share one start; the last one out stops it');
    const runs = [0, 1, 2].map(() =>
      spawnAsync([cli, 'run', '--', 'node', '-e', 'setTimeout(() => {}, 1500)']),
    );
    const codes = await Promise.all(runs);
    console.log(`exit codes: ${codes.join(', ')}`);
    run(['status']);
  } else {
    console.log(
      '\nThe stack was already running: steps 3 and 4 (which start and stop it) are skipped.',
    );
  }
} finally {
  cleanup();
}

async function spawnAsync(args) {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      const line = err.split('\n').find((l) => l.startsWith('✓'));
      console.log(`  run ${child.pid}: ${line ?? err.trim().split('\n').at(-1)}`);
      resolve(code);
    });
  });
}
