/**
 * What a user writes to describe a group: several stacks, started in dependency order (the
 * default export of a `--config` file, or the argument of `defineGroup`). `group.ts` holds the
 * validated, resolved form.
 */
import type { Profile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import type { StigmerOptions } from '../profile/stigmer.js';

/** What every member may say besides what it is. */
interface MemberRelations {
  /**
   * Members that must be ready before this one starts (process-compose's `depends_on` with
   * `process_healthy`). Their `env` is added to this member's start command's environment, so
   * an app's start command gets the Stigmer stack's `STIGMER_SERVER_ADDR` and the database's
   * `DATABASE_URL`. This member is stopped before them.
   */
  dependsOn?: string[];
}

/** A custom server, written inline: a server spec (its `name` names the member) plus `dependsOn`. */
export type ServerMemberSpec = ServerSpec & MemberRelations;

/** The built-in Stigmer stack. */
export interface StigmerMemberSpec extends MemberRelations {
  use: 'stigmer';
  /** Default "stigmer". */
  name?: string;
  /** As `stigmer(options)`; in a config file, relative paths are relative to the file. */
  options?: StigmerOptions;
}

/** A profile already built in code (`defineServer(...)`, `stigmer(...)`). */
export interface ProfileMemberSpec extends MemberRelations {
  /** Default: the profile's name. */
  name?: string;
  profile: Profile;
}

export type MemberSpec = ServerMemberSpec | StigmerMemberSpec | ProfileMemberSpec;

export interface GroupSpec {
  /** Names the group in messages. Default: the members' names joined by "+". */
  name?: string;
  /** The stacks, in any order: they start in the order `dependsOn` gives. */
  members: MemberSpec[];
}
