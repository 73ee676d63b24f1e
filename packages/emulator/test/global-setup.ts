import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The tests run dist/cli.js as users do: refuse to test a missing or stale build. */
export default function checkBuild(): void {
  const cli = join(root, 'dist', 'cli.js');
  let built: number;
  try {
    built = statSync(cli).mtimeMs;
  } catch {
    throw new Error(`Expected a build at ${cli}. Run: pnpm --filter @stigmer/e2e-emulator build`);
  }
  const stale = sourceFiles(join(root, 'src')).find((file) => statSync(file).mtimeMs > built);
  if (stale !== undefined) {
    throw new Error(`dist/ is older than ${stale}. Run: pnpm --filter @stigmer/e2e-emulator build`);
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
