/**
 * A profile as plain data, and back: for a process that gets the profile without the code that
 * made it (the watchdog, through its state dir; a Vitest worker, through `inject`). JSON drops a
 * variable set to undefined (one the profile unsets, as stigmer() unsets
 * TEMPORAL_SERVICE_ADDRESS): it travels as null and comes back as undefined, so the profile's
 * commands run without it there too.
 */
import { type Profile, type ProfileStart, sealProfile } from './profile.js';

export type ProfileData = Omit<Profile, 'start'> & {
  readonly start:
    | (Omit<ProfileStart, 'env'> & { readonly env?: Readonly<Record<string, string | null>> })
    | null;
};

type StartEnv = Readonly<Record<string, string | null | undefined>> | undefined;

/** Each variable of a start env, with `to` for the ones the profile unsets. */
const mapUnset = (env: StartEnv, to: null | undefined) =>
  env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? to]));

export function profileToData(profile: Profile): ProfileData {
  const start = profile.start && {
    ...profile.start,
    env: mapUnset(profile.start.env, null) as Record<string, string | null> | undefined,
  };
  return JSON.parse(JSON.stringify({ ...profile, start })) as ProfileData;
}

/** The profile again, validated as `stigmer()` and `defineServer()` leave it (sealed). */
export function profileFromData(data: ProfileData): Profile {
  const env = mapUnset(data.start?.env, undefined) as Record<string, string | undefined>;
  return sealProfile({ ...data, start: data.start && { ...data.start, env } } as Profile);
}
