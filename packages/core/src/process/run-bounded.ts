/**
 * Runs one of the short commands core needs (a stop command, a command probe, `docker inspect`)
 * with a bound that holds whatever its children do. execa waits for the command's stdout and
 * stderr to close, and a child it left running with them (`sh -c 'sleep 600 & exit 0'`) keeps
 * them open for as long as it lives: the bound, and the state dir's lock held around a stop,
 * would go with it. So the command runs in a process group of its own; on timeout the group gets
 * SIGTERM, then SIGKILL; once the command has exited, its output gets a moment to drain, then
 * what it left in its group (and below) is stopped, by identity, and the output is let go.
 */
import { terminateEach } from './terminate.js';
import { orphans } from './tree.js';

export interface BoundedOptions {
  /** The command is stopped after this long (SIGTERM to its group, SIGKILL a second later). */
  readonly timeoutMs: number;
  readonly cwd?: string | undefined;
  /** The whole environment, nothing merged in (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Each line of output as it comes (progress of a long command, e.g. a model pull). */
  readonly onLine?: (line: string) => void;
}

export interface BoundedResult {
  /** null when it was ended by a signal, or never ran. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Why it could not be run at all (not found, not executable); null when it ran. */
  readonly spawnError: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved. */
  readonly all: string;
}

/** After SIGTERM on timeout, SIGKILL follows this much later. */
const KILL_AFTER_MS = 1_000;
/** Once the command exited, how long its output may take to arrive before it is let go. */
const DRAIN_MS = 250;
/** A command still there this long after SIGKILL (uninterruptible sleep) is given up on. */
const GIVE_UP_AFTER_KILL_MS = 2_000;

export async function runBounded(
  argv: readonly string[],
  options: BoundedOptions,
): Promise<BoundedResult> {
  // Loaded on first use: execa costs ~100 ms to import, paid only by profiles that run commands.
  const { execa } = await import('execa');
  const [file, ...args] = argv as [string, ...string[]];
  const child = execa(file, args, {
    reject: false,
    stdin: 'ignore',
    all: true,
    // Its own group (Unix), so that a timeout reaches what it started too.
    detached: process.platform !== 'win32',
    windowsHide: true,
    cwd: options.cwd,
    env: options.env ?? process.env,
    extendEnv: false,
  });
  if (options.onLine) {
    const onLine = options.onLine;
    let partial = '';
    child.all?.on('data', (chunk: Buffer) => {
      const lines = `${partial}${chunk.toString('utf8')}`.split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  // While the command has not been reaped its pid, and so its group, cannot be anyone else's.
  const signalGroup = (signal: NodeJS.Signals) => {
    if (!running() || !child.pid) return;
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const timers: NodeJS.Timeout[] = [];
  let timedOut = false;
  let gaveUp: (() => void) | undefined;
  timers.push(
    setTimeout(() => {
      timedOut = true;
      signalGroup('SIGTERM');
      timers.push(setTimeout(() => signalGroup('SIGKILL'), KILL_AFTER_MS));
      timers.push(setTimeout(() => gaveUp?.(), KILL_AFTER_MS + GIVE_UP_AFTER_KILL_MS));
    }, options.timeoutMs),
  );
  child.once('exit', () => {
    timers.push(setTimeout(() => void letGo(), DRAIN_MS));
  });
  /** Its output is still open after it exited: held by what it left behind. */
  const letGo = async () => {
    // Reaped by us, so a process at its pid now is another one: then nothing found is its.
    if (child.pid) await terminateEach(await orphans({ pid: child.pid, startTime: '' }), 1_000);
    for (const stream of [child.stdout, child.stderr, child.all]) stream?.destroy();
  };
  try {
    const result = await Promise.race([
      child,
      new Promise<null>((resolve) => {
        gaveUp = () => resolve(null);
      }),
    ]);
    if (result === null) {
      return {
        exitCode: null,
        signal: null,
        timedOut,
        spawnError: null,
        stdout: '',
        stderr: '',
        all: '',
      };
    }
    const ran = result.exitCode !== undefined || result.signal !== undefined || timedOut;
    return {
      exitCode: result.exitCode ?? null,
      signal: result.signal ?? null,
      timedOut,
      spawnError: ran ? null : (result.shortMessage ?? result.message ?? 'could not be started'),
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      all: String(result.all ?? ''),
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}
