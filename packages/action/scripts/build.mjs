// Bundles src/{pre,main,post}.ts and core's two helper programs into dist/ (ESM, code splitting: the cache client and the Azure
// SDK behind it sit in a chunk that only the stages that use a cache load). The output is
// committed: the runner runs it straight from the repository.
// Usage: node scripts/build.mjs [outdir]   (default: dist)
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.resolve(root, process.argv[2] ?? 'dist');

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: [
    'src/pre.ts',
    'src/main.ts',
    'src/post.ts',
    // Core runs these as their own node processes (the watchdog, the exit recorder of a start
    // command), found in programs/ beside the bundle. Taken from core's dist, as the stages'
    // `@stigmer/e2e-core` is, so that the bundle carries each core module once (shared chunks).
    { in: '../core/dist/programs/watchdog.js', out: 'programs/watchdog' },
    { in: '../core/dist/programs/exit-recorder.js', out: 'programs/exit-recorder' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() on Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
