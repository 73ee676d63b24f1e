/**
 * Failure injection from a test file. The test runs in a Vitest worker, which has only what the
 * globalSetup provided: the profile as data travels in `inject('stigmer')`, and core is reached
 * from here with it. The same refusals hold (a stack this run did not start needs
 * `allowReused`), and a pause is resumed even if the worker dies.
 *
 * @example
 * test('survives a workflow-runner crash', async () => {
 *   const stack = faults();
 *   await stack.kill('workflow-runner');
 *   const recovery = await stack.waitReady('workflow-runner');
 *   expect(recovery.recoveryMs).toBeLessThan(30_000);
 * });
 */
import {
  faults as coreFaults,
  type FaultOptions,
  type Faults,
  profileFromData,
} from '@stigmer/e2e-core';
import type { StigmerContext } from './context.js';
import { useStigmer } from './describe-stigmer.js';

/** Faults on the stack of this run (default: `inject('stigmer')`). */
export function faults(stack: StigmerContext = useStigmer(), options: FaultOptions = {}): Faults {
  if (!stack.profileData)
    throw new Error(
      stack.members
        ? `faults(): ${stack.profile} is a group; inject a single stack's profile to fault one of its components.`
        : "faults(): inject('stigmer') carries no profile: the stack was provided by an older @stigmer/e2e-vitest; update it.",
    );
  return coreFaults(profileFromData(stack.profileData), options);
}
