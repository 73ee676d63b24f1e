import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of one of core's own programs (the watchdog, the exit recorder), which always run
 * as built JavaScript: tests load core from its sources, so a `src/` location maps to `dist/`.
 */
export function programPath(relative: string, base: string): string {
  const beside = fileURLToPath(new URL(relative, base));
  if (existsSync(beside)) return beside;
  const built = beside.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  if (existsSync(built)) return built;
  throw new Error(
    `${path.basename(beside)} is missing (${beside}): build @stigmer/e2e-core first.`,
  );
}
