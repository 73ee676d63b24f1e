import { type StatusReport, serverStatus } from '../stack/status.js';
import { type Group, toGroup } from './group.js';
import type { GroupSpec } from './spec.js';

export interface MemberStatus extends StatusReport {
  /** The member's name in the group (`profile` is its profile's name). */
  readonly name: string;
  readonly dependsOn: readonly string[];
}

export interface GroupStatusReport {
  /** The group's name. */
  readonly profile: string;
  /** Every member is available. */
  readonly available: boolean;
  /** In start order, each as `serverStatus` reports it: its components, leases and owner. */
  readonly members: readonly MemberStatus[];
}

/** Each member's status. Read-only: takes no lock and changes nothing. */
export async function groupStatus(group: Group | GroupSpec): Promise<GroupStatusReport> {
  const resolved = await toGroup(group);
  const members = await Promise.all(
    resolved.members.map(async (m) => ({
      name: m.name,
      dependsOn: m.dependsOn,
      ...(await serverStatus(m.profile)),
    })),
  );
  return { profile: resolved.name, available: members.every((m) => m.available), members };
}
