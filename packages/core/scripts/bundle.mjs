// Bundles what runs as a node process of its own into one file each: the CLI
// (dist/bundle/stigmer-e2e.js) and the programs it spawns (dist/bundle/programs/). A CLI
// that loads ~70 ESM files before it knows the stack is up pays for each file's resolution and
// read. The library entry (dist/index.js, tsc's output) stays as it is for importers.
// In one file every top-level import of a Node built-in loads at start, even in a module core
// loads lazily: such a module imports a costly built-in (https) where it uses it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'linked',
  logLevel: 'warning',
  // execa (~270 KB with its dependencies, four fifths of the CLI bundled) runs a start or stop
  // command only: loaded from node_modules then, as the library loads it.
  external: ['execa'],
};

await build({
  ...common,
  entryPoints: [
    { in: 'src/cli/bin.ts', out: 'stigmer-e2e' },
    { in: 'src/programs/watchdog.ts', out: 'programs/watchdog' },
    { in: 'src/programs/exit-recorder.ts', out: 'programs/exit-recorder' },
    { in: 'src/programs/fault-resumer.ts', out: 'programs/fault-resumer' },
  ],
  outdir: 'dist/bundle',
});
