import os from 'node:os';
import path from 'node:path';

/**
 * Where a profile keeps its leases and ownership when its spec names no `stateDir`:
 * the user's state directory (XDG on Unix, LOCALAPPDATA on Windows). It must be the same for
 * every process that shares the stack, so it never depends on the working directory.
 */
export function defaultStateDir(name: string): string {
  const base =
    process.platform === 'win32'
      ? path.join(
          process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'),
          'stigmer-e2e',
        )
      : path.join(
          process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'),
          'stigmer-e2e',
        );
  return path.join(base, name);
}
