/**
 * What tests receive from `inject('stigmer')`: the handle as plain data, trimmed to what a test
 * needs. The key is `stigmer` for every profile (one stack per project), so test helpers and
 * suites do not depend on which profile the config chose.
 */
import {
  type ComponentStatus,
  type HandleSnapshot,
  isGroupSnapshot,
  type OnUnavailable,
  type Outcome,
  type ProfileData,
  redact,
} from '@stigmer/e2e-core';

export const INJECT_KEY = 'stigmer';

/** The value of `inject('stigmer')`. */
export interface StigmerContext {
  /** The profile's name: `stigmer`, or a custom profile's `name`. */
  readonly profile: string;
  /** Every required component is ready; when false, `reason` says why. */
  readonly available: boolean;
  /** This run started (or adopted) the stack: it is stopped after the run unless others use it. */
  readonly owned: boolean;
  /** The stack was running before this run (started by someone else, or by another run). */
  readonly reused: boolean;
  readonly outcome: Outcome;
  /** Why the stack is unavailable (null when available). */
  readonly reason: string | null;
  /** What tests need to reach the stack, e.g. STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS. */
  readonly env: Readonly<Record<string, string>>;
  readonly components: readonly ComponentStatus[];
  /** What an unavailable stack means for this run; `describeStigmer` skips or fails by it. */
  readonly onUnavailable: OnUnavailable;
  /**
   * A group (docs/groups.md): each member in start order. The fields above then sum them up
   * (`env` is every member's, `components` are named "member/component", `profile` is the
   * group's name). Absent for a single stack.
   */
  readonly members?: readonly StigmerMember[];
  /**
   * The profile as plain data, so that a test can reach core from its worker: `faults()` rebuilds
   * the profile from it. Without the start command's environment (it may hold secrets; faults
   * never run the start command). Absent for a group.
   */
  readonly profileData?: ProfileData;
}

/** One member of a group, as the tests get it. */
export interface StigmerMember {
  readonly name: string;
  /** The member's profile's name. */
  readonly profile: string;
  readonly dependsOn: readonly string[];
  readonly available: boolean;
  readonly owned: boolean;
  readonly outcome: Outcome;
  readonly reason: string | null;
  readonly env: Readonly<Record<string, string>>;
  readonly components: readonly ComponentStatus[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Provided by `stigmerServer()` or `@stigmer/e2e-vitest/global-setup`. */
    stigmer: StigmerContext;
  }
}

export function toContext(
  snapshot: HandleSnapshot,
  onUnavailable: OnUnavailable,
  profileData?: ProfileData,
): StigmerContext {
  return {
    ...(profileData ? { profileData } : {}),
    profile: snapshot.profile,
    available: snapshot.available,
    owned: snapshot.owned,
    reused: snapshot.reused,
    outcome: snapshot.outcome,
    // Shown in reports (a skipped test's note): secrets replaced by core's policy.
    reason: snapshot.reason && redact(snapshot.reason),
    env: { ...snapshot.env },
    components: snapshot.components.map((c) => ({ ...c })),
    onUnavailable,
    ...(isGroupSnapshot(snapshot)
      ? {
          members: snapshot.members.map((m) => ({
            name: m.name,
            profile: m.profile,
            dependsOn: [...m.dependsOn],
            available: m.available,
            owned: m.owned,
            outcome: m.outcome,
            reason: m.reason && redact(m.reason),
            env: { ...m.env },
            components: m.components.map((c) => ({ ...c })),
          })),
        }
      : {}),
  };
}
