import { redact } from '@stigmer/e2e-core';

/**
 * The run fails at setup because the stack is unavailable under the `fail` policy. The message
 * is the whole story (reason, components, log tails) plus the fix; the stack trace is dropped:
 * its frames point into core, where there is nothing for the user to fix. Secrets are replaced
 * by core's policy.
 */
export class StackUnavailableError extends Error {
  override readonly name = 'StackUnavailableError';

  constructor(description: string) {
    super(
      `${redact(description)}\n\nThe run fails because onUnavailable is 'fail' (the default when CI is set). ` +
        "To skip the suites that need the stack instead, pass onUnavailable: 'skip' to stigmerServer().",
    );
    this.stack = `${this.name}: ${this.message}`;
  }
}
