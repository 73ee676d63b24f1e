/**
 * Failure injection on a component of a stack, by its identity, and the recovery it causes.
 * Only on a stack stigmer-e2e started (an ownership record in its state dir, whichever of the
 * current runs holds it); a stack that was already running (someone's own work session) only
 * with `allowReused`; an external one never.
 *
 * @example
 * const handle = await ensureServer(stigmer());
 * await handle.faults.kill('workflow-runner');
 * const recovery = await handle.faults.waitReady('workflow-runner');
 * console.log(`back in ${recovery.recoveryMs} ms`);
 */
import {
  ComponentNotRunningError,
  ExternalStackError,
  FaultRefusedError,
  NotOursError,
  ReusedStackError,
  UnknownComponentError,
} from '../errors.js';
import { type ProcessRef, selfRef } from '../process/identity.js';
import { type Component, type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { readState } from '../state/state-file.js';
import { type FaultRecord, killTarget, pauseTarget, stopTarget } from './inject.js';
import { listPauses, pauseFile, readPause, resumePause } from './pauses.js';
import { type Recovery, type WaitReadyOptions, waitRecovery } from './recovery.js';
import { describeTarget, type FaultTarget, isStackOwn, observe } from './target.js';

export interface FaultOptions {
  /**
   * Allow faults on a stack that was running before stigmer-e2e (a developer's own session,
   * which a test would then break). Default false.
   */
  allowReused?: boolean;
}

export interface StopFaultOptions extends FaultOptions {
  /** SIGTERM to SIGKILL (or `docker stop -t`). Default: the profile's stop timeout. */
  timeoutMs?: number;
}

export interface PauseFaultOptions extends FaultOptions {
  /** How long it stays frozen, at most: a detached resumer thaws it then, whatever happens here. */
  forMs: number;
  /**
   * Resumed at once when this process is proven dead (default: this one). null: only at
   * `forMs` (a CLI that pauses and exits).
   */
  holder?: ProcessRef | null;
}

export interface Faults {
  /** SIGKILL to the component's process (a container: `docker kill`). */
  kill(component: string, options?: FaultOptions): Promise<FaultRecord>;
  /** SIGTERM, then SIGKILL after the stop timeout (a container: `docker stop`). */
  stop(component: string, options?: StopFaultOptions): Promise<FaultRecord>;
  /** SIGSTOP for `forMs` (a container: `docker pause`), resumed even if this process dies. */
  pause(component: string, options: PauseFaultOptions): Promise<FaultRecord>;
  /** Resumes the component's pause now (true if there was one). */
  resume(component: string): Promise<boolean>;
  /** Waits until the component is back and ready after the last fault on it; the timeline. */
  waitReady(component: string, options?: WaitReadyOptions): Promise<Recovery>;
  /** Resumes every pause made through this object (a handle's release calls it). */
  resumeAll(): Promise<void>;
}

/** Faults on the stack `profile` describes. */
export function faults(profile: Profile | ServerSpec, defaults: FaultOptions = {}): Faults {
  const resolved = toProfile(profile);
  const last = new Map<string, FaultRecord>();
  const mine = new Set<string>();

  const prepare = async (
    name: string,
    options: FaultOptions,
  ): Promise<{ p: Profile; component: Component; target: FaultTarget }> => {
    const p = await resolved;
    const allowReused = options.allowReused ?? defaults.allowReused ?? false;
    if (!p.start)
      throw new ExternalStackError(
        `${p.name} is an external stack (only probed, never started by stigmer-e2e): faults are never injected into it.`,
        'Run the fault against a stack stigmer-e2e starts (a profile without `external`).',
      );
    const component = p.components.find((c) => c.name === name);
    if (!component)
      throw new UnknownComponentError(
        `${p.name} has no component "${name}".`,
        `Expected one of: ${p.components.map((c) => c.name).join(', ')}.`,
      );
    const seen = await observe(component);
    if (seen.state === 'down' || !seen.target)
      throw new ComponentNotRunningError(
        `${name} is not running (${seen.detail}): there is nothing to fault.`,
        'Start the stack first (ensureServer, `stigmer-e2e up`), or wait for it with waitReady().',
      );
    const { state } = await readState(p.stateDir, { repair: false });
    if (!state.owner) {
      if (!allowReused)
        throw new ReusedStackError(
          `${p.name} was not started by stigmer-e2e (it was already running: someone's own session, perhaps): a fault would break it.`,
          'To fault it anyway, pass { allowReused: true } (CLI: --allow-reused).',
        );
    } else if (!(await isStackOwn(state.owner, seen.target))) {
      throw new NotOursError(
        `${name}: ${describeTarget(seen.target)} is not part of the stack stigmer-e2e started (no launch id of ours, not recorded at start): nothing was signalled.`,
        'Stop whatever runs it outside the stack, or fault a component the stack runs itself.',
      );
    }
    if (seen.state === 'paused')
      throw new FaultRefusedError(
        `${name} is paused already (${seen.detail}).`,
        'Resume it first (faults.resume), or wait for its pause to end.',
      );
    return { p, component, target: seen.target };
  };
  const done = (fault: FaultRecord) => {
    last.set(fault.component, fault);
    return fault;
  };

  return {
    async kill(name, options = {}) {
      const { component, target } = await prepare(name, options);
      return done(await killTarget(component, target));
    },
    async stop(name, options = {}) {
      const { p, component, target } = await prepare(name, options);
      return done(await stopTarget(component, target, options.timeoutMs ?? p.stop.timeoutMs));
    },
    async pause(name, options) {
      if (!(Number.isFinite(options.forMs) && options.forMs > 0))
        throw new FaultRefusedError(
          `pause needs a duration: forMs must be a positive number of milliseconds, got ${options.forMs}.`,
          'Pass { forMs: 3000 } (CLI: --for 3).',
        );
      const { p, component, target } = await prepare(name, options);
      const holder = options.holder === undefined ? await selfRef() : options.holder;
      const fault = await pauseTarget(component, target, {
        forMs: options.forMs,
        stateDir: p.stateDir,
        holder,
      });
      mine.add(fault.pauseId!);
      return done(fault);
    },
    async resume(name) {
      const p = await resolved;
      const pauses = listPauses(p.stateDir).filter((r) => r.target.component === name);
      await Promise.all(pauses.map((r) => resumePause(p.stateDir, r)));
      return pauses.length > 0;
    },
    async waitReady(name, options = {}) {
      const p = await resolved;
      const component = p.components.find((c) => c.name === name);
      if (!component)
        throw new UnknownComponentError(
          `${p.name} has no component "${name}".`,
          `Expected one of: ${p.components.map((c) => c.name).join(', ')}.`,
        );
      return waitRecovery(p, component, last.get(name) ?? null, options);
    },
    async resumeAll() {
      const p = await resolved;
      for (const id of mine) {
        const record = readPause(pauseFile(p.stateDir, id));
        if (record) await resumePause(p.stateDir, record);
        mine.delete(id);
      }
    },
  };
}
