/**
 * A group (a `config` naming several stacks) is started in main, waiting for each member before
 * the members that depend on it: there is no starting it in the background (a member's
 * dependents need it ready). One lease per member, each bound to the job like the single
 * stack's; their id (one string naming each) is saved as the lease id, for post.
 */
import { ensureGroup, type Group, type GroupSnapshot } from '@stigmer/e2e-core';
import type { Inputs } from '../context.js';
import * as stateHelper from '../state-helper.js';
import { progressLog } from './await-ready.js';
import { actionsLogger } from './logger.js';
import { jobLease } from './start.js';

export async function startGroup(
  group: Group,
  inputs: Pick<Inputs, 'timeoutMs' | 'logLines'>,
): Promise<GroupSnapshot> {
  const handle = await ensureGroup(group, {
    lease: await jobLease(),
    onUnavailable: 'skip', // the policy is applied by main, after the outputs are set
    logger: actionsLogger,
    logLines: inputs.logLines,
    ...(inputs.timeoutMs ? { timeoutMs: inputs.timeoutMs } : {}),
    onProgress: progressLog(),
  });
  if (handle.leaseId) {
    stateHelper.setLeaseId(handle.leaseId);
    stateHelper.setOutcome(handle.outcome);
  }
  return handle.snapshot();
}
