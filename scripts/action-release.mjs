#!/usr/bin/env node
// Makes DIR, a checkout of stigmer/server-action, hold exactly what a runner needs to run the
// action, as it is in this repository: action.yml, packages/action/dist/ (with a package.json
// that makes it ESM), LICENSE, and docs/action.md as the README. Everything else in DIR but
// .git is removed. release.yml then commits, tags vX.Y.Z and moves vX (docs/action.md, "Where
// `@v1` comes from").
// Usage: node scripts/action-release.mjs DIR   (after the action's build and check-dist)
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = process.argv[2];
if (!target || !existsSync(path.join(target, '.git'))) {
  console.error(
    'action-release: expected the path of a checkout of stigmer/server-action (a directory with .git), ' +
      `got ${target ? `"${target}"` : 'nothing'}. Usage: node scripts/action-release.mjs DIR`,
  );
  process.exit(2);
}
const dist = path.join(root, 'packages/action/dist');
if (!existsSync(path.join(dist, 'main.js'))) {
  console.error(
    'action-release: packages/action/dist is not built: run `pnpm --filter @stigmer/server-action build`.',
  );
  process.exit(1);
}

for (const entry of readdirSync(target)) {
  if (entry !== '.git') rmSync(path.join(target, entry), { recursive: true, force: true });
}
cpSync(path.join(root, 'action.yml'), path.join(target, 'action.yml'));
cpSync(path.join(root, 'LICENSE'), path.join(target, 'LICENSE'));
cpSync(dist, path.join(target, 'packages/action/dist'), { recursive: true });
// The bundle's files are ESM (.js): the runner's Node needs the nearest package.json to say so.
mkdirSync(path.join(target, 'packages/action'), { recursive: true });
writeFileSync(
  path.join(target, 'packages/action/package.json'),
  `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`,
);
const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
const origin =
  server && repository && sha
    ? `\n\nPublished from ${server}/${repository} at ${sha} by its release workflow; issues and changes go there.\n`
    : '\n';
const page = readFileSync(path.join(root, 'docs/action.md'), 'utf8');
const [title, ...rest] = page.split('\n');
writeFileSync(path.join(target, 'README.md'), `${title}${origin}${rest.join('\n')}`);
console.log(
  `action-release: ${target} holds action.yml, packages/action/dist, LICENSE and README.md`,
);
