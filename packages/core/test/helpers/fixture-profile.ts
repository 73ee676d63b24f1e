import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getFreePorts } from '@stigmer/e2e-emulator';
import type { ServerSpec } from '../../src/index.js';
import { FIXTURES } from './processes.js';

export interface FixtureStack {
  readonly spec: ServerSpec;
  readonly specFile: string;
  readonly port: number;
  readonly startsFile: string;
}

/** A process-mode profile running fixtures/server.mjs on a free port, state in `dir`. */
export async function fixtureStack(
  dir: string,
  env: Record<string, string> = {},
  extra: Partial<ServerSpec> = {},
): Promise<FixtureStack> {
  const [port] = await getFreePorts(1);
  const startsFile = path.join(dir, 'starts.log');
  const spec: ServerSpec = {
    name: 'fixture',
    stateDir: path.join(dir, 'state'),
    start: {
      command: [process.execPath, path.join(FIXTURES, 'server.mjs')],
      mode: 'process',
      env: { FIXTURE_PORT: String(port), FIXTURE_STARTS_FILE: startsFile, ...env },
    },
    stop: { timeoutMs: 3_000 },
    components: [{ name: 'web', probe: { http: `http://localhost:${port}/` } }],
    env: { FIXTURE_URL: `http://127.0.0.1:${port}/` },
    readyTimeoutMs: 15_000,
    ...extra,
  };
  const specFile = path.join(dir, 'spec.json');
  await writeFile(specFile, JSON.stringify(spec));
  return { spec, specFile, port: port!, startsFile };
}
