/**
 * The schema of a group spec and of each kind of member. A custom server member is checked by
 * `defineServer` itself (the server spec's schema); what is checked here is the rest: the
 * group's shape, `use: 'stigmer'` members (their options, key by key, so a typo is named) and
 * `dependsOn`.
 */
import * as v from 'valibot';
import { isProfile } from '../profile/profile.js';
import { env, positiveMs, strict, text } from '../profile/schema.js';
import type { StigmerOptions } from '../profile/stigmer.js';

const NAME = /^[A-Za-z0-9][\w.-]*$/;

const memberName = v.pipe(
  text('a member name'),
  v.regex(NAME, (i) => `expected letters, digits, ".", "_" or "-", got ${i.received}`),
);

const flag = v.optional(v.boolean((i) => `expected true or false, got ${i.received}`));
const optionalText = (what: string) => v.optional(text(what));

export const dependsOnSchema = v.optional(
  v.array(memberName, (i) => `expected an array of member names, got ${i.received}`),
);

/** Every option of `stigmer()`, so that a misspelt one is an error rather than ignored. */
const stigmerOptions = strict({
  bin: optionalText('a path or a program name'),
  home: optionalText('a path'),
  require: v.optional(
    v.array(text('a component name'), (i) => `expected an array of names, got ${i.received}`),
  ),
  serverAddress: optionalText('"host:port"'),
  temporalAddress: optionalText('"host:port"'),
  externalTemporal: flag,
  llm: v.optional(
    strict({
      provider: optionalText('a provider name'),
      model: optionalText('a model name'),
      baseUrl: optionalText('a URL'),
    }),
  ),
  pullModel: flag,
  env: v.optional(env),
  external: flag,
  stateDir: optionalText('a path'),
  readyTimeoutMs: v.optional(positiveMs),
  stopTimeoutMs: v.optional(positiveMs),
} satisfies Record<keyof StigmerOptions, v.GenericSchema>);

export const stigmerMemberSchema = strict({
  use: v.literal(
    'stigmer',
    (i) =>
      `expected "stigmer" (the built-in profile), got ${i.received}; describe any other server inline, with start and components`,
  ),
  name: v.optional(memberName),
  options: v.optional(stigmerOptions),
  dependsOn: dependsOnSchema,
});

export const profileMemberSchema = strict({
  name: v.optional(memberName),
  profile: v.custom(
    isProfile,
    'expected a profile made by defineServer() or stigmer(); write a plain spec inline instead',
  ),
  dependsOn: dependsOnSchema,
});

export const groupSpecSchema = strict({
  name: v.optional(
    v.pipe(
      text('a group name'),
      v.regex(NAME, (i) => `expected letters, digits, ".", "_" or "-", got ${i.received}`),
    ),
  ),
  members: v.pipe(
    v.array(v.unknown(), (i) => `expected an array of members, got ${i.received}`),
    v.minLength(1, 'expected at least one member'),
  ),
});
