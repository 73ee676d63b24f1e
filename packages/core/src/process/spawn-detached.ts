/**
 * Starts a long-lived process the way a daemon must be started: in its own process group
 * (detached), stdio to a log file, unref'd. Nothing holds our stdout/stderr, so a CLI, a test
 * runner or a GitHub Actions step can exit while it runs. Everything core starts to outlive the
 * call (the stack, the exit recorder, the watchdog) goes through here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { SpawnError } from '../errors.js';
import { formatCommand } from '../util/format-command.js';
import { sleep } from '../util/sleep.js';
import { inspectPid, type ProcessRef } from './identity.js';

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

/**
 * Variables a started process must not inherit. RUNNER_TRACKING_ID: a self-hosted GitHub runner
 * kills, when a job ends, every process whose environment carries that job's id; a stack kept
 * for the next job (`stop: never`, another job's lease) and its watchdog must survive it.
 */
const NOT_INHERITED = ['RUNNER_TRACKING_ID'];

/** `env` without what a process that outlives this job must not carry. */
function detachedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of NOT_INHERITED) delete copy[name];
  return copy;
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
  let child: ChildProcess;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      env: detachedEnv(options.env),
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
  return { process: await identify(child, argv), exited };
}

const IDENTIFY_ATTEMPTS = 5;

/**
 * The started process's identity. Fast exits (a missing library, a bad flag) may beat us to it:
 * recorded as "exited", never matching a live process. One that cannot be checked (EMFILE) is
 * asked again; a process we cannot identify could never be stopped by identity, so it is ended
 * now, while its pid is still certainly ours (not reaped yet).
 */
async function identify(child: ChildProcess, argv: readonly string[]): Promise<ProcessRef> {
  let reason = '';
  for (let attempt = 0; attempt < IDENTIFY_ATTEMPTS; attempt++) {
    const found = await inspectPid(child.pid!);
    if (found.state === 'alive') return found.ref;
    if (found.state === 'dead') return { pid: child.pid!, startTime: 'exited' };
    reason = found.reason;
    await sleep(20 * (attempt + 1));
  }
  child.kill('SIGKILL');
  throw new SpawnError(
    `Started ${formatCommand(argv)} but could not read its identity (${reason}), so it could never be stopped safely: it was killed. Retry; if this persists, check the open-file limit (ulimit -n).`,
  );
}
