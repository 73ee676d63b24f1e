/**
 * Stopping a stack we own: the stop command (daemon) or the process group (process), then
 * escalation to the processes recorded at start, then a check that every port is free.
 * Runs under the state dir's lock. Never touches a process that is not the one recorded.
 */

import { probeAddress } from '../probe/run-probe.js';
import { isSameProcess } from '../process/identity.js';
import { runBounded } from '../process/run-bounded.js';
import { terminateEach, terminateTree } from '../process/terminate.js';
import { commandEnv, type Profile } from '../profile/profile.js';
import type { Ownership } from '../state/state.js';
import { formatCommand } from '../util/format-command.js';
import { redact } from '../util/redact.js';
import { readIdentity } from './identity.js';
import { waitPortsFree } from './ports-free.js';

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

export async function stopStack(profile: Profile, owner: Ownership): Promise<StopReport> {
  const started = performance.now();
  const steps: string[] = [];
  const problems: string[] = [];
  let commandMs: number | null = null;

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
      const result = await terminateTree(owner.process, 'SIGTERM', 2_000);
      steps.push(`start command still running: ${result.steps.join('; ')}`);
    }
    const recordedAlive = (
      await Promise.all(owner.identity.map(async (e) => ((await isSameProcess(e)) ? e : null)))
    ).filter((e) => e !== null);
    if (owner.identity.length > 0 && recordedAlive.length === 0) {
      const replaced = (await readIdentity(profile)).map((e) => `${e.component} (pid ${e.pid})`);
      if (replaced.length > 0) {
        return {
          stopped: false,
          steps: [
            `the processes we started are gone and ${replaced.join(', ')} now run in their place: ` +
              'someone restarted the stack, so it is no longer ours; left running',
          ],
          problems: [],
          durationMs: Math.round(performance.now() - started),
          commandMs: null,
        };
      }
    }
    const command = await runStopCommand(profile);
    commandMs = command.ms;
    steps.push(...command.steps);
    const leftovers = await terminateEach(recordedAlive, 2_000);
    if (leftovers.steps.length > 0)
      steps.push(`after the stop command: ${leftovers.steps.join('; ')}`);
    problems.push(...leftovers.survivors.map((s) => `pid ${s.pid} survived SIGKILL`));
  }

  const addresses = profile.components
    .map((c) => probeAddress(c.probe))
    .filter((a): a is string => a !== null);
  const busy = await waitPortsFree(addresses, PORTS_FREE_TIMEOUT_MS);
  problems.push(...busy.map((a) => `${a} still accepts connections after the stop`));
  if (busy.length === 0 && addresses.length > 0) steps.push(`ports free: ${addresses.join(', ')}`);
  return {
    stopped: true,
    steps,
    problems,
    durationMs: Math.round(performance.now() - started),
    commandMs,
  };
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
