// Fails when the committed dist/ differs from a fresh build of src/: the runner executes dist/
// straight from the repository, so a stale bundle would ship code nobody reviewed.
// Usage: node scripts/check-dist.mjs   (pnpm --filter @stigmer/server-action check-dist)
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const committed = path.join(root, 'dist');
const fresh = await mkdtemp(path.join(os.tmpdir(), 'server-action-dist-'));

async function files(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

try {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), fresh], {
    stdio: 'inherit',
  });
  const [want, have] = await Promise.all([files(fresh), files(committed)]);
  const problems = [];
  for (const file of want.filter((f) => !have.includes(f))) problems.push(`missing: dist/${file}`);
  for (const file of have.filter((f) => !want.includes(f))) problems.push(`stale:   dist/${file}`);
  for (const file of want.filter((f) => have.includes(f))) {
    const [a, b] = await Promise.all([
      readFile(path.join(fresh, file)),
      readFile(path.join(committed, file)),
    ]);
    if (!a.equals(b)) problems.push(`differs: dist/${file}`);
  }
  if (problems.length > 0) {
    console.error(
      [
        'packages/action/dist/ is not the build of packages/action/src/:',
        ...problems.map((p) => `  ${p}`),
        '',
        'Fix: run `pnpm --filter @stigmer/server-action build` and commit packages/action/dist/.',
        '(Built with the locked esbuild; a different lockfile or esbuild version changes the output.)',
      ].join('\n'),
    );
    process.exitCode = 1;
  } else {
    console.log(`packages/action/dist/ matches a fresh build (${want.length} files).`);
  }
} finally {
  await rm(fresh, { recursive: true, force: true });
}
