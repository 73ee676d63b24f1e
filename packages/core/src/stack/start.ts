/** Launching a stack: the part of a start that happens under the lock. */
import path from 'node:path';
import { readPidFile } from '../probe/pid-file.js';
import { type Detached, spawnDetached } from '../process/spawn-detached.js';
import { commandEnv, componentPidFile, type Profile } from '../profile/profile.js';
import { sleep } from '../util/sleep.js';

/** Where a start command's output goes (daemon mode) or the server's own output (process mode). */
export function startLogFile(profile: Profile): string {
  return path.join(
    profile.stateDir,
    'logs',
    profile.start?.mode === 'process' ? 'server.log' : 'start.log',
  );
}

/** Every log worth showing for this profile: our start log first, then each component's. */
export function profileLogs(profile: Profile): Record<string, readonly string[]> {
  if (!profile.start) return { ...profile.logs };
  const own = profile.start.mode === 'process' ? 'server' : 'start command';
  return { [own]: [startLogFile(profile)], ...profile.logs };
}

export function launch(profile: Profile): Promise<Detached> {
  const start = profile.start!;
  return spawnDetached(start.command, {
    cwd: start.cwd,
    env: commandEnv(profile),
    logFile: startLogFile(profile),
  });
}

/**
 * Resolves with a reason as soon as waiting for readiness is pointless: the server exited
 * (process mode), the start command failed, or, once it succeeded, a component's pid file names
 * a dead process (daemon mode). Stops watching when `signal` aborts.
 */
export async function watchStart(
  profile: Profile,
  started: Detached,
  signal: AbortSignal,
): Promise<string> {
  const shown = `\`${profile.start!.command.join(' ')}\``;
  const exit = await started.exited;
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  if (profile.start!.mode === 'process')
    return `the server process ${shown} ${how} before it was ready`;
  if (exit.code !== 0) return `the start command ${shown} ${how}`;
  const watched = profile.components
    .map((c) => ({ name: c.name, file: componentPidFile(c) }))
    .filter((c): c is { name: string; file: string } => c.file !== null);
  for (;;) {
    for (const { name, file } of watched) {
      const read = await readPidFile(file);
      if (read.kind === 'dead')
        return `${name} (pid ${read.pid}, from ${file}) exited after the start command returned`;
    }
    await sleep(100, signal);
  }
}
