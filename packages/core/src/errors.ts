/**
 * Domain errors. Libraries throw these; only the CLI entry maps them to exit codes.
 * Every message says what was expected and how to fix it.
 */

/** A profile spec or config file that does not describe a server. Lists every problem at once. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(
      problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message,
    );
  }
}

/** The stack is not available and the policy says fail. Carries the handle snapshot. */
export class ServerUnavailableError extends Error {
  override readonly name = 'ServerUnavailableError';
  constructor(
    message: string,
    readonly snapshot: import('./stack/handle.js').HandleSnapshot,
  ) {
    super(message);
  }
}

/** The state dir cannot be used (not writable, not a directory). */
export class StateDirError extends Error {
  override readonly name = 'StateDirError';
}

/** Wrong use of the CLI: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
