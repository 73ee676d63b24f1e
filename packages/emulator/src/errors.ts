/**
 * Domain errors. Library code throws them; only the CLI entry (cli.ts) maps them to exit codes
 * and output, so every command stays testable without `process.exit`.
 */

/** A wrong invocation (unknown command or flag): cobra prints it with a usage hint, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The usage text to print after the error. */
    readonly usage: string,
  ) {
    super(message);
  }
}

/** A knob (environment variable) with a value the emulator cannot use. */
export class KnobError extends Error {
  override name = 'KnobError';
}

/** A command that failed; the message is printed as `Error: <message>` and the CLI exits 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/** pkg/errors' `Wrap`: "context: cause", the chain the real CLI prints after `Error: `. */
export function wrap(error: unknown, context: string): Error {
  const cause = error instanceof Error ? error.message : String(error);
  return new Error(`${context}: ${cause}`, { cause: error });
}
