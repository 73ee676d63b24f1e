/**
 * A profile: a validated server spec with defaults applied and every path absolute.
 * This is the only form the lifecycle engine reads.
 */
import type { LogSource, ProbeSpec, ServerSpec, StartSpec } from './spec.js';

/** A start spec whose env may unset inherited variables (value undefined). */
export interface ProfileStart extends Omit<StartSpec, 'env'> {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** What to do when the start command's program is not found (the Stigmer profile names STIGMER_E2E_BIN). */
  readonly notFound?: string;
}

export interface Component {
  readonly name: string;
  readonly required: boolean;
  readonly probe: ProbeSpec;
  readonly pidFile: string | null;
}

export interface Profile {
  readonly name: string;
  readonly stateDir: string;
  /** null: an external stack, only probed, never started or stopped. */
  readonly start: ProfileStart | null;
  readonly stop: {
    readonly command: readonly string[] | null;
    readonly signal: NodeJS.Signals;
    readonly timeoutMs: number;
    readonly spare?: readonly string[];
  };
  readonly components: readonly Component[];
  readonly logs: Readonly<Record<string, readonly LogSource[]>>;
  readonly env: Readonly<Record<string, string>>;
  readonly readyTimeoutMs: number;
  /** The environment the running stack must have been started with (read from `component`'s process). */
  readonly startedWith: {
    readonly component: string;
    readonly env: Readonly<Record<string, string>>;
  } | null;
}

export const DEFAULT_READY_TIMEOUT_MS = 60_000;
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** True for an object made by `defineServer` or `stigmer()` (already validated). */
export function isProfile(value: unknown): value is Profile {
  return typeof value === 'object' && value !== null && profiles.has(value);
}

const profiles = new WeakSet<object>();

/** Marks a resolved profile as validated and freezes it. */
export function sealProfile(profile: Profile): Profile {
  profiles.add(profile);
  return Object.freeze(profile);
}

/** The environment a profile's own commands run with: ours, with the profile's additions and removals. */
export function commandEnv(profile: Profile): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...profile.start?.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

/** A profile as is, or a spec validated into one (the schema is loaded only then: it costs ~15 ms). */
export async function toProfile(value: Profile | ServerSpec): Promise<Profile> {
  if (isProfile(value)) return value;
  const { defineServer } = await import('./define-server.js');
  return defineServer(value);
}

/** The pid file that tells which process a component is: its own, or the one its probe reads. */
export function componentPidFile(component: Component): string | null {
  return component.pidFile ?? ('pidFile' in component.probe ? component.probe.pidFile : null);
}
