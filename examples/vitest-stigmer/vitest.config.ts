import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  emulatedMachine,
  emulatorBin,
  KNOB_ENV,
  killEmulatorProcesses,
} from '@stigmer/e2e-emulator';
import { type Profile, stigmer, stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => ({
  plugins: [stigmerServer({ profile: await stigmerProfile() })],
  test: { testTimeout: 30_000 },
}));

/**
 * The real Stigmer stack when a `stigmer` CLI is installed (or STIGMER_E2E_BIN names one).
 * Otherwise the emulator from this repository stands in for it, on an emulated machine of this
 * run's own: a throwaway HOME, free ports (fixed ones would clash with another checkout's run)
 * and the emulator's `docker` stand-in, so it never touches a developer's ~/.stigmer or Docker.
 */
async function stigmerProfile(): Promise<Profile> {
  const chosen = process.env.STIGMER_E2E_BIN ?? onPath('stigmer');
  if (chosen) {
    console.error(`[example] using the \`stigmer\` at ${chosen}`);
    return stigmer();
  }
  const home = mkdtempSync(path.join(tmpdir(), 'stigmer-example-home-'));
  const machine = await emulatedMachine(home);
  // The plugin probes agent-runner with `docker inspect` from this process: the same stand-in,
  // the same container state as the emulated `stigmer` uses.
  process.env.PATH = machine.env.PATH;
  process.env[KNOB_ENV.dockerDir] = machine.env[KNOB_ENV.dockerDir];
  // The plugin stops what it started; like the real CLI's stop, that spares Ollama (here the
  // emulator's fake one, on this run's port). The machine goes with the run.
  process.once('exit', () => {
    killEmulatorProcesses(home);
    rmSync(home, { recursive: true, force: true });
  });
  const { server, temporal, ollama } = machine.ports;
  console.error(
    `[example] no \`stigmer\` on PATH: using the emulator from @stigmer/e2e-emulator instead (HOME ${home}, ports ${server}/${temporal}/${ollama}).`,
  );
  return stigmer({
    bin: emulatorBin,
    home,
    serverAddress: machine.addresses.STIGMER_SERVER_ADDR,
    temporalAddress: machine.addresses.TEMPORAL_ADDRESS,
    env: machine.env,
  });
}

/** `command` on PATH, outside node_modules/.bin (where `pnpm test` finds the emulator's own `stigmer`). */
function onPath(command: string): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  for (const dir of dirs.filter((d) => d && !d.split(path.sep).includes('node_modules'))) {
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}
