// Shared by the tests of the repository's scripts (run by `pnpm test` with `node --test`).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** This process's environment without what decides colors, so each test says what it wants. */
export function withoutColorEnv() {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS']) delete env[name];
  return env;
}

/** Runs a program to its end (killed after `timeoutMs`), with its exit code and output. */
export function run(file, args, { cwd = repoRoot, env = process.env, timeoutMs = 240_000 } = {}) {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env, timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
