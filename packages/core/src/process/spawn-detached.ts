/**
 * Starts a long-lived process the way a daemon must be started: in its own process group
 * (detached), stdio to a log file, unref'd. Nothing holds our stdout/stderr, so a CLI, a test
 * runner or a GitHub Actions step can exit while it runs.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { SpawnError } from '../errors.js';
import { formatCommand } from '../util/format-command.js';
import { type ProcessRef, processRef } from './identity.js';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Detached {
  readonly process: ProcessRef;
  /** Settles when the process exits (only observed while this process lives). */
  readonly exited: Promise<Exit>;
}

/** What to do when a profile's program is not found, unless the profile says better. */
const NOT_FOUND_FIX =
  "Install it, put it on PATH, or give its absolute path in the profile's command";

/** "Cannot start `stigmer server`: "stigmer" was not found. Install it, ..." */
export function cannotStart(
  argv: readonly string[],
  code: string,
  cwd?: string,
  notFound = NOT_FOUND_FIX,
): string {
  const file = argv[0];
  const fix =
    code === 'ENOENT'
      ? `: "${file}" was not found${cwd ? ` (cwd ${cwd})` : ''}. ${notFound}`
      : code === 'EACCES'
        ? `: "${file}" is not executable. Check its permissions`
        : '';
  return `Cannot start ${formatCommand(argv)}${fix} (${code}).`;
}

export async function spawnDetached(
  argv: readonly string[],
  options: {
    cwd?: string | undefined;
    env: NodeJS.ProcessEnv;
    logFile: string;
    /** What to do when the program is not found (the profile's words). */
    notFound?: string | undefined;
  },
): Promise<Detached> {
  const [file, ...args] = argv as [string, ...string[]];
  const log = openSync(options.logFile, 'w', 0o600);
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', log, log],
      windowsHide: true,
    });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new SpawnError(
          cannotStart(argv, error.code ?? error.message, options.cwd, options.notFound),
          {
            cause: error,
          },
        ),
      );
    });
  });
  child.unref();
  // Fast exits (a missing library, a bad flag) may beat us to reading the identity.
  const ref = (await processRef(child.pid!)) ?? { pid: child.pid!, startTime: 'exited' };
  return { process: ref, exited };
}
