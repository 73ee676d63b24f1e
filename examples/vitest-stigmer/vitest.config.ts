import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emulatorBin, emulatorEnv, getFreePorts } from '@stigmer/e2e-emulator';
import { type Profile, stigmer, stigmerServer } from '@stigmer/e2e-vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => ({
  plugins: [stigmerServer({ profile: await stigmerProfile() })],
  test: { testTimeout: 30_000 },
}));

/**
 * The real Stigmer stack when a `stigmer` CLI is installed (or STIGMER_E2E_BIN names one).
 * Otherwise the emulator from this repository stands in for it, in its own HOME and on free
 * ports (fixed ones would clash with another checkout's run), so it never touches a
 * developer's ~/.stigmer.
 */
async function stigmerProfile(): Promise<Profile> {
  const chosen = process.env.STIGMER_E2E_BIN ?? onPath('stigmer');
  if (chosen) {
    console.error(`[example] using the \`stigmer\` at ${chosen}`);
    return stigmer();
  }
  const [serverPort, temporalPort, workflowRunnerPort] = (await getFreePorts(3)) as [
    number,
    number,
    number,
  ];
  const ports = { serverPort, temporalPort, workflowRunnerPort };
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
