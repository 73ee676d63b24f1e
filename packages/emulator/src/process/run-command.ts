import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The exit code; -1 when the program could not be run (not on PATH). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion (like Go's `cmd.Output()`); never rejects. */
export function runCommand(file: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const raw = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
      const code = raw === null ? 0 : typeof raw.code === 'number' ? raw.code : -1;
      resolve({
        code,
        stdout: String(stdout),
        stderr: String(stderr) || (code === -1 ? String(raw?.message) : ''),
      });
    });
  });
}
