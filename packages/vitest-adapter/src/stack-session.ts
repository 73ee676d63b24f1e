/**
 * One stack for one test run: ensure it at setup, hand it to tests, check it again before each
 * watch-mode rerun, release it at teardown. Every decision (start, reuse, adopt, stop) is
 * core's; this file only wires core to Vitest's globalSetup life cycle.
 */
import {
  defineServer,
  describeGroupRelease,
  describeRelease,
  describeUsage,
  ensureGroup,
  ensureServer,
  type GroupHandle,
  isGroup,
  isGroupSnapshot,
  isProfile,
  type Logger,
  type OnUnavailable,
  type Profile,
  type ProfileData,
  profileToData,
  resolvePolicy,
  type ServerHandle,
  type ServerSpec,
  ServerUnavailableError,
} from '@stigmer/e2e-core';
import { INJECT_KEY, type StigmerContext, toContext } from './context.js';
import type { StackTarget, StigmerServerOptions } from './options.js';
import type { SetupProject } from './project.js';
import { describeChange, recheck } from './recheck.js';

/** One stack's handle, or a group's. */
export type Handle = ServerHandle | GroupHandle;

export class StackSession {
  /** null after a rerun found the stack gone and could not get it back under `fail`. */
  private handle: Handle | null = null;
  /** What the tests were last given. */
  private current: StigmerContext | null = null;
  private readonly projects = new Set<SetupProject>();
  /** Rechecks run one after another; teardown waits for the one in flight. */
  private checking: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly policy: OnUnavailable;
  /** A single stack's profile as data, for `faults()` in the tests. */
  private readonly profileData: ProfileData | undefined;

  constructor(
    private readonly profile: StackTarget,
    private readonly options: StigmerServerOptions,
    private readonly logger: Logger,
  ) {
    this.policy = resolvePolicy(options.onUnavailable);
    this.profileData = isGroup(profile) ? undefined : forFaults(profile);
  }

  /**
   * Ensures the stack. Unavailable under `fail` does not throw: a globalSetup that throws makes
   * Vitest report "No test files found" with the include globs, then the error as an "Unhandled
   * Error", which reads like a glob mistake or a crash. Instead the story is told once, the
   * tests that need the stack fail with the reason (as after a rerun), and the run fails.
   */
  async open(): Promise<void> {
    let handle: Handle;
    try {
      handle = await this.ensure();
    } catch (error) {
      if (!(error instanceof ServerUnavailableError)) throw error;
      this.provide(toContext(error.snapshot, this.policy, this.profileData));
      this.logger.warn(
        `${error.message}\n\nThe tests that need it fail, and so does the run: onUnavailable is 'fail' (the default when CI is set). ` +
          "Fix what is above, or pass onUnavailable: 'skip' to stigmerServer() to skip those tests instead.",
      );
      // Failed even when no test asks for the stack (Vitest never sets the code back to 0).
      process.exitCode = 1;
      return;
    }
    this.use(handle);
    if (handle.available) this.logger.info(describeChange(null, handle));
    else
      this.logger.warn(
        `${describeChange(null, handle)}\nSuites wrapped in describeStigmer() are skipped (onUnavailable: 'skip').`,
      );
  }

  /** Provides the stack to a project's tests and keeps it current across reruns. */
  attach(project: SetupProject): void {
    this.projects.add(project);
    if (this.current) project.provide(INJECT_KEY, this.current);
    // Vitest keeps one list of rerun callbacks for the whole run: register once.
    if (this.projects.size === 1) project.onTestsRerun(() => this.rerun());
  }

  /** Drops a project; the lease is released when the last one goes. */
  async detach(project: SetupProject): Promise<void> {
    if (!this.projects.delete(project) || this.projects.size > 0) return;
    this.closed = true;
    await this.checking;
    await this.release();
  }

  /** Releases the lease: the stack stops only if this run owns it and no other lease lives. */
  async release(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (!handle) return;
    const result = await handle.release();
    if ('members' in result) {
      const members = isGroupSnapshot(handle) ? handle.members : null;
      this.logger.info(describeGroupRelease(handle.profile, members, result));
      return;
    }
    // No lease (unavailable, external): nothing was held, so there is nothing to report.
    if (!handle.leaseId) return;
    const usage = describeUsage(handle.profile, result.usage);
    if (usage) this.logger.info(usage);
    this.logger.info(describeRelease(handle.profile, handle.outcome, result));
  }

  /**
   * Before a rerun. Never rejects: a rejection here would make Vitest exit at once, without
   * its teardown, and leave a stack this run owns to the next run.
   */
  private rerun(): Promise<void> {
    this.checking = this.checking.then(async () => {
      if (this.closed) return;
      try {
        const next = await recheck(this.handle, this.profile, () => this.ensure(), this.logger);
        if (next) this.use(next);
      } catch (error) {
        this.handle = null;
        const snapshot = error instanceof ServerUnavailableError ? error.snapshot : null;
        const reason = snapshot?.reason ?? (error as Error).message;
        const effect = this.policy === 'fail' ? 'fail until it is back' : 'are skipped';
        this.logger.warn(
          `${(error as Error).message}\nSuites wrapped in describeStigmer() ${effect} (onUnavailable: '${this.policy}').`,
        );
        this.provide({
          ...(snapshot ? toContext(snapshot, this.policy, this.profileData) : this.current!),
          available: false,
          owned: false,
          reason,
        });
      }
    });
    return this.checking;
  }

  private use(handle: Handle): void {
    this.handle = handle;
    this.provide(toContext(handle.snapshot(), this.policy, this.profileData));
  }

  private provide(context: StigmerContext): void {
    this.current = context;
    for (const project of this.projects) project.provide(INJECT_KEY, context);
  }

  private ensure(): Promise<Handle> {
    const { profile: _profile, ...ensureOptions } = this.options;
    const options = {
      ...ensureOptions,
      logger: this.logger,
      // Bound to the Vitest main process (pid + start time): if it is killed, the next run
      // sees a dead lease and adopts and stops what this run started.
      lease: this.options.lease ?? {
        kind: 'process' as const,
        label: `vitest (pid ${process.pid})`,
      },
    };
    return isGroup(this.profile)
      ? ensureGroup(this.profile, options)
      : ensureServer(this.profile, options);
  }
}

/**
 * The profile as the tests get it, for `faults()`: everything but the start command's
 * environment, which faults never use and which may hold the profile's secrets (API keys).
 */
function forFaults(profile: Profile | ServerSpec): ProfileData {
  const data = profileToData(isProfile(profile) ? profile : defineServer(profile));
  return { ...data, start: data.start && { ...data.start, env: {} } };
}
