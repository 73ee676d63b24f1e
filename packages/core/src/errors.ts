/**
 * Domain errors, one module. Libraries throw these; only the CLI entry maps them (by type) to
 * exit codes. Every message says what was expected, and `fix` says what to do.
 */
import type { Recovery } from './fault/recovery.js';
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

/**
 * A fault was refused: the stack is not one stigmer-e2e started for these runs, the component is
 * unknown or not running, or its process is not provably the stack's. Nothing was signalled.
 * `fix` says what to do instead.
 */
export class FaultRefusedError extends StigmerE2eError {
  override readonly name: string = 'FaultRefusedError';
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(`${message} ${fix}`);
  }
}

/** The stack was running before stigmer-e2e (someone's own work session): faults need `allowReused`. */
export class ReusedStackError extends FaultRefusedError {
  override readonly name = 'ReusedStackError';
}

/** The profile describes an external stack (only probed): never faulted. */
export class ExternalStackError extends FaultRefusedError {
  override readonly name = 'ExternalStackError';
}

/** No component of that name in the profile. */
export class UnknownComponentError extends FaultRefusedError {
  override readonly name = 'UnknownComponentError';
}

/** The component has no live process or container to fault (already down, or never started). */
export class ComponentNotRunningError extends FaultRefusedError {
  override readonly name = 'ComponentNotRunningError';
}

/** The component's process is not one the stack we started runs (no launch id, not recorded). */
export class NotOursError extends FaultRefusedError {
  override readonly name = 'NotOursError';
}

/** A component did not come back, or not ready, within the bound. Carries the timeline and its log tail. */
export class NotRecoveredError extends StigmerE2eError {
  override readonly name = 'NotRecoveredError';
  constructor(
    message: string,
    readonly recovery: Recovery,
  ) {
    super(message);
  }
}
