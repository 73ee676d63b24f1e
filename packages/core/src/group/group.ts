/**
 * A group: validated members, each a full profile with its own state dir (so its own leases and
 * ownership), in a start order. This is the only form the group orchestrator reads.
 */
import type { Profile } from '../profile/profile.js';
import type { GroupSpec } from './spec.js';

export interface GroupMember {
  readonly name: string;
  /** The members that must be ready before this one starts; it is stopped before them. */
  readonly dependsOn: readonly string[];
  /**
   * The member's profile, its start command's environment extended with what the members it
   * depends on (directly or not) export.
   */
  readonly profile: Profile;
}

export interface Group {
  readonly name: string;
  /** In a start order: every member after the members it depends on. */
  readonly members: readonly GroupMember[];
  /** What tests need: every member's `env` together. */
  readonly env: Readonly<Record<string, string>>;
}

const groups = new WeakSet<object>();

/** True for an object made by `defineGroup` (already validated). */
export function isGroup(value: unknown): value is Group {
  return typeof value === 'object' && value !== null && groups.has(value);
}

export function sealGroup(group: Group): Group {
  groups.add(group);
  return Object.freeze(group);
}

/** The members that depend on `name` directly. */
export function dependentsOf(group: Group, name: string): GroupMember[] {
  return group.members.filter((m) => m.dependsOn.includes(name));
}

/** A group as is, or a spec validated into one (valibot is loaded only then). */
export async function toGroup(value: Group | GroupSpec): Promise<Group> {
  if (isGroup(value)) return value;
  const { defineGroup } = await import('./define-group.js');
  return defineGroup(value);
}
