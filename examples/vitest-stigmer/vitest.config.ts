import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorBin, emulatorEnv } from '@stigmer/e2e-emulator';
import { type Profile, stigmer, stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [stigmerServer({ profile: stigmerProfile() })],
  test: { testTimeout: 30_000 },
});

/**
 * The real Stigmer stack when a `stigmer` CLI is installed (or STIGMER_E2E_BIN names one).
 * Otherwise the emulator from this repository stands in for it, in its own HOME and on its own
 * ports, so it never touches a developer's ~/.stigmer.
 */
function stigmerProfile(): Profile {
  const real = process.env.STIGMER_E2E_BIN ?? onPath('stigmer');
  if (real) {
    console.error(`[example] using the stigmer CLI at ${real}`);
    return stigmer();
  }
  const ports = { serverPort: 47234, temporalPort: 47233, workflowRunnerPort: 47235 };
  const home = fileURLToPath(new URL('./.cache/stigmer-home', import.meta.url));
  console.error(
    `[example] no \`stigmer\` on PATH: using the emulator from @stigmer/e2e-emulator instead (HOME ${home}, ports ${Object.values(ports).join('/')}).`,
  );
  return stigmer({
    bin: emulatorBin,
    home,
    serverAddress: `localhost:${ports.serverPort}`,
    temporalAddress: `localhost:${ports.temporalPort}`,
    env: emulatorEnv(ports),
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
