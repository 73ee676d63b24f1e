/** The options of one ensure call, resolved once into the context every step reads. */
import type { ComponentStatus } from '../probe/component-status.js';
import type { Profile } from '../profile/profile.js';
import { DEFAULT_TAIL_LINES } from '../report/log-tail.js';
import { type Logger, silentLogger } from '../report/logger.js';
import type { LeaseKind } from '../state/leases.js';
import { isCI, type OnUnavailable, resolvePolicy } from './policy.js';

export interface EnsureOptions {
  /** How long to wait for readiness. Default: the profile's (60 s; 180 s for Stigmer). */
  timeoutMs?: number;
  /** What an unavailable stack means: `fail` throws, `skip` returns a handle with `available: false`. Default: fail under CI, skip otherwise. */
  onUnavailable?: OnUnavailable;
  /** Aborting stops waiting, releases the lease and stops what this run started. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Called whenever a component's readiness changes while waiting. */
  onProgress?: (components: readonly ComponentStatus[], elapsedMs: number) => void;
  /** Default: a lease bound to this process. */
  lease?: LeaseKind;
  /**
   * false: return as soon as the stack is started (or found), without waiting for readiness:
   * the handle is `pending`; a later `ensureServer(profile, { resume: handle.leaseId })`
   * waits. This is how a GitHub Action's pre starts the stack while checkout runs.
   */
  wait?: boolean;
  /** Continue with a lease taken earlier (by a `wait: false` call), instead of taking a new one. */
  resume?: string;
  /** Log lines per component in failure reports. Default 50. */
  logLines?: number;
  /**
   * When this call starts (or adopts) the stack, also start a watchdog: a small detached process
   * that stops the stack once every lease holder has died without releasing. Default true.
   */
  watchdog?: boolean;
  /**
   * While the lease is held, sample the CPU and memory of the stack's processes; `release()`
   * reports peak and average. Default true (about one small /proc read per process a second).
   */
  usage?: boolean;
  /**
   * A running stack started with other settings than the profile's `startedWith` (another LLM
   * model): `reuse` it with a warning, or call it `unavailable` (never touching it). Default:
   * unavailable under CI, reuse otherwise. One this call owns and nobody uses is restarted.
   */
  onMismatch?: 'reuse' | 'unavailable';
}

/** One ensure call: what it works on and how, every option resolved. */
export interface Context {
  readonly profile: Profile;
  readonly logger: Logger;
  readonly policy: OnUnavailable;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: EnsureOptions['onProgress'];
  readonly lease: LeaseKind;
  readonly wait: boolean;
  readonly resume: string | undefined;
  readonly logLines: number;
  readonly watchdog: boolean;
  readonly usage: boolean;
  readonly onMismatch: 'reuse' | 'unavailable';
  /** Milliseconds since ensure was called. */
  readonly elapsed: () => number;
  /** The known failures whose fix this call has run already (each is tried once). */
  readonly fixesTried: Set<string>;
}

export function resolveContext(profile: Profile, options: EnsureOptions): Context {
  const started = performance.now();
  return {
    profile,
    logger: options.logger ?? silentLogger,
    policy: resolvePolicy(options.onUnavailable),
    timeoutMs: options.timeoutMs ?? profile.readyTimeoutMs,
    signal: options.signal,
    onProgress: options.onProgress,
    lease: options.lease ?? { kind: 'process' },
    wait: options.wait ?? true,
    resume: options.resume,
    logLines: options.logLines ?? DEFAULT_TAIL_LINES,
    watchdog: options.watchdog ?? true,
    usage: options.usage ?? true,
    onMismatch: options.onMismatch ?? (isCI() ? 'unavailable' : 'reuse'),
    elapsed: () => Math.round(performance.now() - started),
    fixesTried: new Set(),
  };
}
