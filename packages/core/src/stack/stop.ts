/**
 * Stopping a stack we own, and the one "stop, then disown" every path uses (the last release, a
 * failed start, the watchdog). The stop: the stop command (daemon) or the process group
 * (process), then every process of ours that is still alive (recorded, or carrying our launch
 * id), then a check that every port is free. Runs under the state dir's lock. A process that is
 * not provably ours is never signalled, and the report says what was left alone.
 */

import { resumeAllPauses } from '../fault/pauses.js';
import { readPidFile } from '../probe/pid-file.js';
import { waitPortsFree } from '../probe/ports-free.js';
import { probeAddress } from '../probe/run-probe.js';
import { isSameProcess, type ProcessRef } from '../process/identity.js';
import { processesCarrying } from '../process/launch-id.js';
import { runBounded } from '../process/run-bounded.js';
import { signalVerified } from '../process/signal.js';
import { terminateEach, terminateTree } from '../process/terminate.js';
import { commandEnv, componentPidFile, type Profile } from '../profile/profile.js';
import type { Logger } from '../report/logger.js';
import type { Lease, Ownership, State } from '../state/state.js';
import { writeState } from '../state/state-file.js';
import { formatCommand } from '../util/format-command.js';
import { redact } from '../util/redact.js';
import { leftAlone, sortPidFileProcesses } from './identity.js';

export interface StopReport {
  /** False when the stack was left running (someone else restarted it: no longer ours). */
  readonly stopped: boolean;
  readonly steps: readonly string[];
  /** What survived: processes or ports still busy. Empty on a clean stop. */
  readonly problems: readonly string[];
  readonly durationMs: number;
  /** Of `durationMs`, the time the stop command itself ran (null without one). */
  readonly commandMs: number | null;
}

/** After the stop, how long ports may take to close (TIME_WAIT does not count: nobody accepts). */
const PORTS_FREE_TIMEOUT_MS = 5_000;
/** The stop command gets the profile's stop timeout plus this, before it is killed as hung. */
const STOP_COMMAND_GRACE_MS = 5_000;
/** What survives the stop command or the group signal gets this long after SIGTERM. */
const LEFTOVER_TIMEOUT_MS = 2_000;

export interface DisownOptions {
  /** The leases to keep in the state file. */
  readonly leases: readonly Lease[];
  /** Why a start is being abandoned: recorded for the runs that wait for it. */
  readonly failure?: string;
  /** false: nothing of it ever ran (the start command could not run): only disown. */
  readonly stop?: boolean;
  readonly logger: Logger;
}

/**
 * Stops the stack `owner` started and clears the ownership (under the lock): the one way a stack
 * stops being ours. Ends its watchdog too, unless we are the watchdog.
 */
export async function stopAndDisown(
  profile: Profile,
  state: State,
  owner: Ownership,
  { leases, failure, stop = true, logger }: DisownOptions,
): Promise<StopReport | null> {
  const report = stop ? await stopStack(profile, owner) : null;
  await writeState(profile.stateDir, {
    ...state,
    owner: null,
    leases,
    lastFailure: failure ? { at: Date.now(), reason: failure } : state.lastFailure,
  });
  if (owner.watchdog && owner.watchdog.pid !== process.pid)
    await signalVerified(owner.watchdog, 'SIGTERM');
  for (const step of report?.steps ?? []) logger.info(`  ${step}`);
  for (const problem of report?.problems ?? []) logger.warn(`  ${problem}`);
  return report;
}

export async function stopStack(profile: Profile, owner: Ownership): Promise<StopReport> {
  const started = performance.now();
  const steps: string[] = [];
  const problems: string[] = [];
  let commandMs: number | null = null;
  const report = (stopped: boolean): StopReport => ({
    stopped,
    steps,
    problems,
    durationMs: Math.round(performance.now() - started),
    commandMs,
  });

  // A paused component would sit out every SIGTERM of the stop: thawed first.
  const resumed = await resumeAllPauses(profile.stateDir);
  if (resumed.length > 0) steps.push(`resumed before the stop: ${resumed.join('; ')}`);
  const { ours, others } =
    owner.mode === 'daemon' ? await sortPidFileProcesses(profile, owner) : { ours: [], others: [] };
  if (owner.mode === 'process') {
    if (owner.process) {
      const result = await terminateTree(
        owner.process,
        profile.stop.signal,
        profile.stop.timeoutMs,
      );
      steps.push(...result.steps);
      problems.push(...result.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
    }
  } else {
    // A start command still running (we are stopping a failed or abandoned start): end it first.
    if (owner.phase === 'starting' && owner.process && (await isSameProcess(owner.process))) {
      const result = await terminateTree(owner.process, 'SIGTERM', LEFTOVER_TIMEOUT_MS);
      steps.push(`start command still running: ${result.steps.join('; ')}`);
    }
    // The stack hangs on its first component with a pid file (Stigmer's daemon): if that runs
    // and is not ours, someone restarted the stack; it is theirs now.
    const anchor = profile.components.find((c) => componentPidFile(c) !== null);
    const replaced = others.find((p) => p.component === anchor?.name);
    if (replaced) {
      steps.push(
        `${replaced.component} (pid ${replaced.pid}) is not the process this run started: ` +
          'someone restarted the stack, so it is no longer ours; left running',
      );
      return report(false);
    }
    const command = await runStopCommand(profile);
    commandMs = command.ms;
    steps.push(...command.steps);
  }
  // Whatever of ours outlived the stop: recorded processes, and (the proof that survives a run
  // killed before it recorded anything) every process carrying our launch id.
  const leftovers = await stillOurs(ours, owner.launchId, await sparedPids(profile));
  const swept = await terminateEach(leftovers, LEFTOVER_TIMEOUT_MS);
  if (swept.steps.length > 0)
    steps.push(
      `${owner.mode === 'daemon' ? 'after the stop command' : 'outside the group'}: ${swept.steps.join('; ')}`,
    );
  problems.push(...swept.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
  steps.push(...others.map(leftAlone));

  const leftAloneNames = new Set(others.map((p) => p.component));
  const addresses = profile.components
    .filter((c) => !leftAloneNames.has(c.name))
    .map((c) => probeAddress(c.probe))
    .filter((a): a is string => a !== null);
  const busy = await waitPortsFree(addresses, PORTS_FREE_TIMEOUT_MS);
  problems.push(...busy.map((a) => `${a} still accepts connections after the stop`));
  if (busy.length === 0 && addresses.length > 0) steps.push(`ports free: ${addresses.join(', ')}`);
  return report(true);
}

/**
 * The recorded processes still alive, plus every process carrying the launch id, once each;
 * never one the profile spares.
 */
async function stillOurs(
  recorded: readonly ProcessRef[],
  launchId: string | undefined,
  spare: ReadonlySet<number>,
): Promise<ProcessRef[]> {
  const carriers = launchId ? await processesCarrying(launchId) : [];
  const alive = (
    await Promise.all(recorded.map(async (r) => ((await isSameProcess(r)) ? r : null)))
  ).filter((r): r is ProcessRef => r !== null);
  const seen = new Set<number>(spare);
  return [...alive, ...carriers].filter((r) => !seen.has(r.pid) && seen.add(r.pid));
}

/** The pids the profile's `stop.spare` pid files name now. */
async function sparedPids(profile: Profile): Promise<Set<number>> {
  const reads = await Promise.all((profile.stop.spare ?? []).map((file) => readPidFile(file)));
  return new Set(reads.flatMap((r) => (r.kind === 'alive' ? [r.process.pid] : [])));
}

async function runStopCommand(profile: Profile): Promise<{ steps: string[]; ms: number | null }> {
  const argv = profile.stop.command;
  if (!argv) return { steps: [], ms: null };
  const began = performance.now();
  const shown = formatCommand(argv);
  const timeout = profile.stop.timeoutMs + STOP_COMMAND_GRACE_MS;
  const result = await runBounded(argv, {
    timeoutMs: timeout,
    cwd: profile.start?.cwd,
    env: commandEnv(profile),
  });
  const ms = Math.round(performance.now() - began);
  if (result.timedOut) return { steps: [`${shown} hung for ${timeout} ms and was killed`], ms };
  if (result.spawnError) return { steps: [`${shown} could not run: ${result.spawnError}`], ms };
  const last = redact(result.all.trim().split('\n').at(-1) ?? '');
  const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.exitCode}`;
  return { steps: [`${shown} ${how}${last ? ` (${last.slice(0, 200)})` : ''}`], ms };
}
