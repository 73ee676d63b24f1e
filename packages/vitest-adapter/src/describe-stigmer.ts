/**
 * Test-side helpers: read the injected stack, and skip (or, under `fail`, fail) what needs it
 * when it is unavailable, with the reason in the report.
 */
import { describe, inject, test } from 'vitest';
import { INJECT_KEY, type StigmerContext } from './context.js';

/**
 * The stack this run got: `inject('stigmer')`, or an error saying how to set it up.
 *
 * @example
 * const { env } = useStigmer();
 * const client = connect(env.STIGMER_SERVER_ADDR);
 */
export function useStigmer(): StigmerContext {
  const stack = inject(INJECT_KEY) as StigmerContext | undefined;
  if (stack === undefined) {
    throw new Error(
      "inject('stigmer') has no value: add stigmerServer() from '@stigmer/e2e-vitest' to `plugins` in the Vitest config " +
        "(or list '@stigmer/e2e-vitest/global-setup' in `test.globalSetup`). With `test.projects`, put the plugin in the root config: " +
        'inline projects do not inherit its globalSetup, but they do inherit what it provides.',
    );
  }
  return stack;
}

/**
 * `describe()` for tests that need the stack. When it is unavailable the suite's tests are not
 * collected; a single test stands in for them, skipped with the reason as its note (shown by
 * the default and verbose reporters), or failed with it under the `fail` policy.
 *
 * @example
 * describeStigmer('workflows', (stack) => {
 *   test('runs hello-world', async () => {
 *     await runWorkflow(stack.env.STIGMER_SERVER_ADDR, 'hello-world');
 *   });
 * });
 */
export function describeStigmer(name: string, factory: (stack: StigmerContext) => void): void {
  const stack = useStigmer();
  if (stack.available) {
    describe(name, () => factory(stack));
    return;
  }
  describe(name, () => {
    test(`${stack.profile} is unavailable`, (ctx) => {
      requireStigmer(ctx);
    });
  });
}

/**
 * For a single test: skips it (with the reason) when the stack is unavailable, else returns it.
 *
 * @example
 * test('lists agents', (ctx) => {
 *   const { env } = requireStigmer(ctx);
 * });
 */
export function requireStigmer(ctx: { skip(note?: string): never }): StigmerContext {
  const stack = useStigmer();
  if (stack.available) return stack;
  const reason = `${stack.profile} is unavailable: ${stack.reason ?? 'no reason given'}`;
  if (stack.onUnavailable === 'fail') throw unavailableError(reason);
  return ctx.skip(reason);
}

/**
 * The failure of a test that needs the stack, under `fail`. Without a stack trace: its frames
 * point into this package, where there is nothing to fix.
 */
function unavailableError(reason: string): Error {
  const error = new Error(
    `${reason} (onUnavailable: 'fail'; each component and its last log lines are in the [stigmer-e2e] output above)`,
  );
  error.stack = `Error: ${error.message}`;
  return error;
}
