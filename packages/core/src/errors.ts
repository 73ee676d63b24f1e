/**
 * Domain errors, one module. Libraries throw these; only the CLI entry maps them (by type) to
 * exit codes. Every message says what was expected, and `fix` says what to do.
 */
import type { HandleSnapshot } from './stack/handle.js';

/** The base of every error stigmer-e2e throws on purpose: the CLI prints its message, not a stack. */
export class StigmerE2eError extends Error {
  override readonly name: string = 'StigmerE2eError';
}

/** A profile spec or config file that does not describe a server. Lists every problem at once. */
export class ProfileError extends StigmerE2eError {
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
export class ServerUnavailableError extends StigmerE2eError {
  override readonly name = 'ServerUnavailableError';
  constructor(
    message: string,
    readonly snapshot: HandleSnapshot,
  ) {
    super(message);
  }
}

/** The state dir cannot be used (not writable, not a directory). */
export class StateDirError extends StigmerE2eError {
  override readonly name = 'StateDirError';
}

/** Another run held the state dir's lock for longer than we wait. */
export class LockTimeoutError extends StigmerE2eError {
  override readonly name = 'LockTimeoutError';
}

/** A command of the profile could not be started at all (not found, not executable). */
export class SpawnError extends StigmerE2eError {
  override readonly name = 'SpawnError';
}

/** Wrong use of the CLI: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends StigmerE2eError {
  override readonly name = 'UsageError';
}
