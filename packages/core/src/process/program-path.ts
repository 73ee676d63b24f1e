import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of one of core's own programs (`programs/<name>.js`: the watchdog, the exit
 * recorder), which run as separate node processes. A bundle (core's CLI in `dist/bundle/`, the
 * GitHub Action) has them in `programs/` beside it, bundled too; the library (`dist/`) in
 * `dist/programs/`; tests load core from its sources, where `src/` maps to the built `dist/`.
 */
export function programPath(name: string): string {
  const candidates = ['./programs/', '../programs/'].map((dir) =>
    fileURLToPath(new URL(`${dir}${name}.js`, import.meta.url)),
  );
  const fromSources = candidates[1]!.replace(
    `${path.sep}src${path.sep}`,
    `${path.sep}dist${path.sep}`,
  );
  const found = [...candidates, fromSources].find((file) => existsSync(file));
  if (!found)
    throw new Error(
      `core's ${name} program is missing (looked in ${candidates[1]}): build @stigmer/e2e-core first.`,
    );
  return found;
}
