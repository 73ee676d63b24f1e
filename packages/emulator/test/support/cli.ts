import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI: tests run what users run (see global-setup.ts for the freshness check). */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file ...args` to completion; never rejects on a non-zero exit. */
export function runProgram(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `node dist/cli.js ...args` to completion. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs?: number) {
  return runProgram(process.execPath, [cliPath, ...args], env, timeoutMs);
}

/** Starts the CLI without waiting for it (for commands that hang or stream). */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
