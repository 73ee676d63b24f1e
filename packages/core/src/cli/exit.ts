/** The CLI's exit codes: a contract scripts and CI rely on. */
export const EXIT = {
  /** The stack is available (or the command succeeded). */
  ok: 0,
  /** An error, or the stack is unavailable under the `fail` policy. */
  error: 1,
  /** Wrong use: unknown command or flag, missing argument. */
  usage: 2,
  /** The stack is unavailable under the `skip` policy. */
  unavailable: 3,
} as const;

/** Ends a command with an exit code (and an optional message for stderr). */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
  }
}
