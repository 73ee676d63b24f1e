/**
 * What `--config` names: one stack, or a group of them. The commands work on either through
 * these few calls, so that each command reads the same for both.
 */
import { ensureGroup } from '../group/ensure-group.js';
import { type Group, isGroup } from '../group/group.js';
import type { GroupHandle } from '../group/handle.js';
import { handOverGroupLease } from '../group/lease-id.js';
import { type GroupReleaseResult, releaseGroup } from '../group/release-group.js';
import type { Profile } from '../profile/profile.js';
import type { Logger } from '../report/logger.js';
import type { EnsureOptions } from '../stack/context.js';
import { ensureServer } from '../stack/ensure.js';
import { handOverLease } from '../stack/hand-over.js';
import type { ReleaseResult, ServerHandle } from '../stack/handle.js';
import { releaseLease } from '../stack/release.js';
import type { Lease } from '../state/state.js';

export type Target = Profile | Group;

export function ensureTarget(
  target: Target,
  options: Omit<EnsureOptions, 'wait' | 'resume'>,
): Promise<ServerHandle | GroupHandle> {
  return isGroup(target) ? ensureGroup(target, options) : ensureServer(target, options);
}

export function handOverTarget(
  target: Target,
  leaseId: string,
  to: Pick<Lease, 'holder' | 'expiresAt'>,
): Promise<boolean> {
  return isGroup(target)
    ? handOverGroupLease(target, leaseId, to)
    : handOverLease(target, leaseId, to);
}

export function releaseTarget(
  target: Target,
  leaseId: string,
  logger: Logger,
): Promise<ReleaseResult | GroupReleaseResult> {
  return isGroup(target)
    ? releaseGroup(target, leaseId, { logger })
    : releaseLease(target, leaseId, { logger });
}
