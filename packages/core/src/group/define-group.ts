/**
 * A group spec validated into a group: each member resolved to its profile, every problem listed
 * at once (each with its path), the members put in a start order, and the environment each
 * member's start command gets from the members it depends on.
 */
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { ProfileError } from '../errors.js';
import { defineServer } from '../profile/define-server.js';
import { type Profile, sealProfile } from '../profile/profile.js';
import { formatIssue } from '../profile/schema.js';
import type { ServerSpec } from '../profile/spec.js';
import { type StigmerOptions, stigmer } from '../profile/stigmer.js';
import { type Group, type GroupMember, sealGroup } from './group.js';
import { findCycles, formatCycle, startOrder } from './order.js';
import {
  dependsOnSchema,
  groupSpecSchema,
  profileMemberSchema,
  stigmerMemberSchema,
} from './schema.js';
import type { GroupSpec } from './spec.js';

export interface DefineGroupOptions {
  /** Directory that relative paths are resolved against (a config file's directory). */
  baseDir?: string;
  /** Where the spec came from, for error messages (e.g. the config file's path). */
  source?: string;
}

/** A member as read from the spec; `profile` is null when the member itself is invalid. */
interface Draft {
  readonly name: string;
  readonly where: string;
  readonly dependsOn: readonly string[];
  readonly profile: Profile | null;
}

/**
 * Validates a group spec and returns the group `ensureGroup` works with. Throws a
 * `ProfileError` listing every problem, each with its path; a cycle in `dependsOn` is named
 * ("app -> db -> app").
 *
 * @example
 * const group = defineGroup({
 *   name: 'shop',
 *   members: [
 *     { use: 'stigmer' },
 *     postgresSpec, // { name: 'db', start, stop, components, env: { DATABASE_URL } }
 *     { ...appSpec, name: 'app', dependsOn: ['stigmer', 'db'] }, // its start gets both envs
 *   ],
 * });
 */
export function defineGroup(spec: GroupSpec, options: DefineGroupOptions = {}): Group {
  const source = options.source ? ` in ${options.source}` : '';
  const parsed = v.safeParse(groupSpecSchema, spec, { abortEarly: false });
  const problems = parsed.success ? [] : parsed.issues.map(formatIssue);
  const raw: unknown[] = Array.isArray(spec?.members) ? spec.members : [];
  const drafts = raw.flatMap((member, i) => draftMember(member, i, options, problems) ?? []);
  problems.push(...relationProblems(drafts));
  const members = drafts.filter((d): d is Draft & { profile: Profile } => d.profile !== null);
  problems.push(...sharedStateDirs(members), ...envConflicts(members));
  if (problems.length > 0) throw new ProfileError(`Invalid group spec${source}:`, problems);

  const byName = new Map(members.map((m) => [m.name, m]));
  const order = startOrder(new Map(members.map((m) => [m.name, m.dependsOn])));
  const resolved: GroupMember[] = order.map((name) => {
    const { dependsOn, profile } = byName.get(name)!;
    return { name, dependsOn, profile: withInheritedEnv(profile, inherited(name, byName, order)) };
  });
  return sealGroup({
    name: spec.name ?? order.join('+'),
    members: resolved,
    env: Object.assign({}, ...members.map((m) => m.profile.env)),
  });
}

function draftMember(
  member: unknown,
  i: number,
  options: DefineGroupOptions,
  problems: string[],
): Draft | null {
  const where = `members[${i}]`;
  const fail = (name: string, dependsOn: readonly string[] = []): Draft => ({
    name,
    where,
    dependsOn,
    profile: null,
  });
  if (typeof member !== 'object' || member === null || Array.isArray(member)) {
    problems.push(
      `${where}: expected a member: a server spec ({ name, start, components }), { use: 'stigmer' } or { name, profile }, got ${Array.isArray(member) ? 'an array' : typeof member}`,
    );
    return null;
  }
  const m = member as Record<string, unknown>;
  const given = typeof m.name === 'string' ? m.name : undefined;
  const dependsOn = Array.isArray(m.dependsOn)
    ? [...new Set(m.dependsOn.filter((d): d is string => typeof d === 'string'))]
    : [];
  const schema = 'use' in m ? stigmerMemberSchema : 'profile' in m ? profileMemberSchema : null;
  const checked = v.safeParse(schema ?? dependsOnSchema, schema ? m : m.dependsOn, {
    abortEarly: false,
  });
  if (!checked.success)
    problems.push(
      ...checked.issues.map((issue) => under(schema ? where : `${where}.dependsOn`, issue)),
    );
  try {
    if ('use' in m) {
      const name = given ?? 'stigmer';
      if (!checked.success) return fail(name, dependsOn);
      const profile = stigmer(resolveStigmerPaths((m.options ?? {}) as StigmerOptions, options));
      return { name, where, dependsOn, profile };
    }
    if ('profile' in m) {
      if (!checked.success) return fail(given ?? where, dependsOn);
      const profile = m.profile as Profile;
      return { name: given ?? profile.name, where, dependsOn, profile };
    }
    const { dependsOn: _, depends_on: snakeCase, ...server } = m;
    if (snakeCase !== undefined)
      problems.push(
        `${where}.depends_on: write it dependsOn: ["name", ...] (camelCase, names only)`,
      );
    const profile = defineServer(server as unknown as ServerSpec, { baseDir: options.baseDir });
    return checked.success
      ? { name: profile.name, where, dependsOn, profile }
      : fail(profile.name, dependsOn);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const prefix = 'use' in m ? `${where}.options` : where;
    problems.push(...error.problems.map((p) => `${prefix}.${p}`));
    return fail(given ?? where, dependsOn);
  }
}

/** An issue of a member's own parse, with the member's path in front: `members[2].options.bin: ...`. */
function under(prefix: string, issue: v.BaseIssue<unknown>): string {
  const text = formatIssue(issue);
  if (!issue.path?.length) return `${prefix}: ${text}`;
  return text.startsWith('[') ? `${prefix}${text}` : `${prefix}.${text}`;
}

/** Duplicate names, dependencies on members that do not exist, and cycles. */
function relationProblems(drafts: readonly Draft[]): string[] {
  const problems: string[] = [];
  const names = drafts.map((d) => d.name);
  drafts.forEach((d, i) => {
    if (names.indexOf(d.name) !== i)
      problems.push(
        `${d.where}: duplicate member name "${d.name}" (also ${drafts[names.indexOf(d.name)]!.where}): give each member its own name`,
      );
    for (const dep of d.dependsOn) {
      if (!names.includes(dep))
        problems.push(
          `${d.where}.dependsOn: no member named "${dep}"; the members are ${[...new Set(names)].map((n) => `"${n}"`).join(', ')}`,
        );
    }
  });
  const graph = new Map<string, readonly string[]>();
  for (const d of drafts) if (!graph.has(d.name)) graph.set(d.name, d.dependsOn);
  for (const cycle of findCycles(graph))
    problems.push(
      `dependsOn: a cycle: ${formatCycle(cycle)}; no member could ever start: remove one of these dependencies`,
    );
  return problems;
}

/** Two members on one state dir would be one stack with two names. */
function sharedStateDirs(members: readonly (Draft & { profile: Profile })[]): string[] {
  return members.flatMap((m, i) => {
    const first = members.findIndex((o) => o.profile.stateDir === m.profile.stateDir);
    if (first === i) return [];
    return [
      `${m.where}: "${m.name}" has the same state dir as "${members[first]!.name}" (${m.profile.stateDir}): two members are two stacks; give one its own stateDir (for stigmer: its own home)`,
    ];
  });
}

/** A variable two members export with different values: the group's env would be ambiguous. */
function envConflicts(members: readonly (Draft & { profile: Profile })[]): string[] {
  const seen = new Map<string, { member: string; value: string }>();
  const problems: string[] = [];
  for (const m of members) {
    for (const [key, value] of Object.entries(m.profile.env)) {
      const other = seen.get(key);
      if (!other) seen.set(key, { member: m.name, value });
      else if (other.value !== value)
        // The values are not shown: they may be secrets.
        problems.push(
          `env.${key}: exported by both "${other.member}" and "${m.name}" with different values, so tests could not tell which one they get: rename it in one of them`,
        );
    }
  }
  return problems;
}

/** What the members `name` depends on, directly or not, export. */
function inherited(
  name: string,
  byName: ReadonlyMap<string, Draft & { profile: Profile }>,
  order: readonly string[],
): Record<string, string> {
  const closure = new Set<string>();
  const add = (n: string) => {
    for (const dep of byName.get(n)!.dependsOn) {
      if (!closure.has(dep)) {
        closure.add(dep);
        add(dep);
      }
    }
  };
  add(name);
  return Object.assign(
    {},
    ...order.filter((n) => closure.has(n)).map((n) => byName.get(n)!.profile.env),
  );
}

/** The profile with `env` added under its start command's own environment (which wins). */
function withInheritedEnv(profile: Profile, env: Record<string, string>): Profile {
  if (!profile.start || Object.keys(env).length === 0) return profile;
  return sealProfile({
    ...profile,
    start: { ...profile.start, env: { ...env, ...profile.start.env } },
  });
}

/** In a config file, `home`, `stateDir` and a `bin` path are relative to the file. */
function resolveStigmerPaths(
  options: StigmerOptions,
  { baseDir }: DefineGroupOptions,
): StigmerOptions {
  if (!baseDir) return options;
  const resolve = (value: string) =>
    value === '~' || value.startsWith('~/')
      ? path.join(os.homedir(), value.slice(1))
      : path.resolve(baseDir, value);
  return {
    ...options,
    ...(options.home ? { home: resolve(options.home) } : {}),
    ...(options.stateDir ? { stateDir: resolve(options.stateDir) } : {}),
    ...(options.bin?.includes('/') ? { bin: resolve(options.bin) } : {}),
  };
}
