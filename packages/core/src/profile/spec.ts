/**
 * What a user writes to describe a server stack (the default export of a config file, or the
 * argument of `defineServer`). `profile.ts` holds the validated, resolved form core works with.
 */

/** How to tell whether one component is ready. Exactly one key. */
export type ProbeSpec =
  /** TCP accept on `host:port`. For `localhost`, both 127.0.0.1 and ::1 are tried. */
  | { tcp: string }
  /** An HTTP(S) GET answered with a status in range (default 200-399). */
  | { http: string; status?: number | [number, number] }
  /** `grpc.health.v1.Health/Check` answering SERVING for `service` (default ""). */
  | { grpc: string; service?: string }
  /** The pid in this file (first line) names a live process. */
  | { pidFile: string }
  /** This command exits 0 (argv, never through a shell). */
  | { command: string[]; timeoutMs?: number }
  /** A Docker container with this name or id is running. */
  | { docker: string }
  /** Ready when any of these is ready. */
  | { anyOf: ProbeSpec[] };

export interface ComponentSpec {
  name: string;
  /** Whether the stack counts as available only when this component is ready. Default true. */
  required?: boolean;
  probe: ProbeSpec;
  /**
   * The pid file this component's process writes. Records the stack's identity when we start
   * it (so a stack someone else restarted is not stopped as ours) and lets a failed start be
   * detected at once.
   */
  pidFile?: string;
}

export interface StartSpec {
  /** argv of the start command, never run through a shell. */
  command: string[];
  /**
   * `daemon`: the command returns once the stack runs (`stigmer server`, `pg_ctl start`);
   * a `stop.command` is then required. `process`: the command is the server itself.
   */
  mode: 'daemon' | 'process';
  /**
   * Daemon mode: the stack counts as started only once the start command has exited 0, whatever
   * the probes say (`pg_ctl start -w` returns once PostgreSQL accepts queries; its port opens
   * earlier). false where the command's return means nothing. Default true.
   */
  awaitExit?: boolean;
  /**
   * The start command copes with what an earlier stack left running (`stigmer server` reuses a
   * Temporal that still runs and stops orphans named by old pid files): a stack whose first
   * pid-file component is down is started even if other components still answer, once a short
   * wait shows nobody is starting it.
   */
  toleratesLeftovers?: boolean;
  /**
   * Failures the start command is known to print, and what to do about them: when a failed
   * start's output matches `match` (a regular expression), `reason` is the reason given. With
   * `fix`, the fix is run once (its output shown as progress) and the stack started again.
   */
  knownFailures?: Array<{
    match: string;
    reason: string;
    fix?: { command: string[]; doing: string; timeoutMs?: number };
  }>;
  cwd?: string;
  env?: Record<string, string>;
}

export interface StopSpec {
  /** argv of the stop command (daemon mode). */
  command?: string[];
  /** Signal sent to a process-mode server's group first. Default SIGTERM. */
  signal?: NodeJS.Signals;
  /** Time to wait for a graceful stop before SIGKILL. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Pid files of processes the stop leaves running although this run's start started them
   * (Stigmer's Ollama: the CLI never stops it, it is slow to start and shared with other work).
   */
  spare?: string[];
}

/**
 * Where a component logs: a file, or a command whose output is its log (`docker logs --tail 200
 * name`, for a component that runs in a container). Commands are argv, never run through a shell.
 */
export type LogSource = string | { command: string[] };

export interface ServerSpec {
  name: string;
  /** Where leases, ownership and our own logs live. Default: ~/.local/state/stigmer-e2e/<name>. */
  stateDir?: string;
  /** How to start the stack. Omit it for an external stack, which is only probed. */
  start?: StartSpec;
  stop?: StopSpec;
  components: ComponentSpec[];
  /** Log files per component, shown (last lines) when the stack fails to start. */
  logs?: Record<string, LogSource | LogSource[]>;
  /** What tests need to reach the stack, e.g. { DATABASE_URL: '...' }. */
  env?: Record<string, string>;
  /** Default readiness timeout for this stack. */
  readyTimeoutMs?: number;
  /**
   * Settings the stack must run with, checked on a stack that is already running: environment
   * values read from this component's process (its pid file), e.g. a model name. A running
   * stack started otherwise is reported (`mismatch`), and `onMismatch` decides.
   */
  startedWith?: { component: string; env: Record<string, string> };
}
