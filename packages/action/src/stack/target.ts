/**
 * What post reads and releases, for one stack or a group (each member, dependents first). The
 * group's members' components and logs are named "member/component".
 */
import {
  type ComponentStatus,
  describeGroupRelease,
  describeRelease,
  type Group,
  groupStatus,
  type HandleSnapshot,
  isGroup,
  isGroupSnapshot,
  type LogSource,
  type Profile,
  profileLogs,
  releaseGroup,
  releaseServer,
  serverStatus,
  stackUsage,
  type UsageSummary,
} from '@stigmer/e2e-core';
import type { StopPolicy } from '../context.js';
import { actionsLogger } from './logger.js';

export type Target = Profile | Group;

export async function components(target: Target): Promise<ComponentStatus[]> {
  if (!isGroup(target)) return [...(await serverStatus(target)).components];
  const { members } = await groupStatus(target);
  return members.flatMap((m) => m.components.map((c) => ({ ...c, name: `${m.name}/${c.name}` })));
}

export function logs(target: Target): Record<string, readonly LogSource[]> {
  if (!isGroup(target)) return profileLogs(target);
  return Object.fromEntries(
    target.members.flatMap((m) =>
      Object.entries(profileLogs(m.profile)).map(([name, files]) => [`${m.name}/${name}`, files]),
    ),
  );
}

/** A group's usage is not summed up: each member's processes are its own stack's. */
export function usage(target: Target): Promise<UsageSummary | null> {
  return isGroup(target) ? Promise.resolve(null) : stackUsage(target);
}

/**
 * Releases the action's lease and says what happened, in core's words. `snapshot` is what main
 * found (for how this job got each member); `outcome` is how the lease got a single stack.
 */
export async function release(
  target: Target,
  leaseId: string,
  stop: StopPolicy,
  seen: {
    snapshot: Omit<HandleSnapshot, 'logTails'> | null;
    outcome: HandleSnapshot['outcome'] | null;
  },
): Promise<string> {
  const options = { stop, logger: actionsLogger };
  if (!isGroup(target))
    return describeRelease(
      target.name,
      seen.outcome,
      await releaseServer(target, leaseId, options),
      'job',
    );
  const members = seen.snapshot && isGroupSnapshot(seen.snapshot) ? seen.snapshot.members : null;
  return describeGroupRelease(
    target.name,
    members,
    await releaseGroup(target, leaseId, options),
    'job',
  );
}
