import { readFileSync, rmSync } from 'node:fs';
import { CommandError } from '../errors.js';
import type { StigmerLayout } from '../layout.js';
import { isAlive } from '../process/identity.js';
import { inspectPidFile, removePidFile } from '../process/pid-file.js';
import { terminate } from '../process/terminate.js';
import { COMPONENTS, STOP_ORDER } from './components.js';

export interface StopOptions {
  /** SIGTERM-to-SIGKILL wait per component. */
  timeoutMs: number;
  /** Progress lines for humans; omit to stay quiet. */
  say?: (line: string) => void;
}

/**
 * Stops every component in the real CLI's order (runners, Temporal, stigmer-server), one at a
 * time. A pid file that names a dead process or someone else's is removed without signalling
 * anything. Returns the names of the components that were running and are now stopped.
 */
export async function stopStack(layout: StigmerLayout, options: StopOptions): Promise<string[]> {
  const { timeoutMs, say = () => {} } = options;
  const stopped: string[] = [];
  const failures: string[] = [];
  for (const name of STOP_ORDER) {
    const component = COMPONENTS[name];
    const pidFile = component.pidFile(layout);
    const state = inspectPidFile(pidFile, component.script);
    if (state.kind === 'absent') continue;
    if (state.kind === 'foreign') {
      say(
        `  ${name}: pid ${state.pid} is not a process this CLI started (${state.reason}); left alone`,
      );
    }
    if (state.kind === 'ours') {
      say(`  Stopping ${name} (PID ${state.pid})...`);
      const result = await terminate(state.pid, state.startTime, timeoutMs, () =>
        say(`  ${name} did not exit within ${timeoutMs} ms of SIGTERM, sending SIGKILL`),
      );
      if (result === 'survived') {
        failures.push(`${name} (PID ${state.pid}) survived SIGKILL`);
        continue; // keep its pid file: it still runs
      }
      stopped.push(name);
    }
    removePidFile(pidFile);
    if (name === 'temporal') releaseTemporalLock(layout);
  }
  if (failures.length > 0) {
    throw new CommandError(
      `could not stop every component: ${failures.join('; ')}. Kill them by hand, then run \`stigmer server stop\` to clear the pid files.`,
    );
  }
  return stopped;
}

/** Temporal removes its lock on a clean exit; after a SIGKILL (or a crash) we do it. */
function releaseTemporalLock(layout: StigmerLayout): void {
  let holder: number;
  try {
    holder = Number(readFileSync(layout.temporalLockFile, 'utf8').trim());
  } catch {
    return;
  }
  if (!isAlive(holder)) rmSync(layout.temporalLockFile, { force: true });
}
