/**
 * What a command prints, at the level its flags ask for. Progress while waiting: a live line on
 * a terminal; plain lines (each change, plus a heartbeat) in CI logs, in a pipe, with NO_COLOR
 * or TERM=dumb, so that a long wait is never silent and a log file holds no escape codes.
 * `--quiet` keeps only the result and warnings; `--verbose` prints every step and change with the
 * time since the command began. The result goes to stderr: stdout is the command's own output
 * (`--json`, the handle of `up`, the command `run` runs).
 */
import type { ComponentStatus } from '../probe/component-status.js';
import type { Logger } from '../report/logger.js';
import { isCI } from '../stack/policy.js';
import { redact } from '../util/redact.js';
import { ExitError } from './exit.js';

const HEARTBEAT_MS = 5_000;
const FRAME_MS = 120;
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Signals that end a waiting command: it stops waiting, cleans up what it started, exits 128+n. */
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

export interface Output {
  readonly logger: Logger;
  readonly onProgress: (components: readonly ComponentStatus[], elapsedMs: number) => void;
  /** The command's outcome, for a person (stderr, secrets masked). Printed even with --quiet. */
  result(text: string): void;
  /** The command's own output on stdout (secrets masked). */
  print(text: string): void;
  json(value: unknown): void;
  /** Runs a wait; Ctrl-C (or SIGTERM, SIGHUP) aborts it so that what was started is cleaned up. */
  waiting<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Clears the live line and stops the timers. */
  done(): void;
}

/** Plain lines instead of a live, redrawn one. */
function plainOutput(stream: NodeJS.WriteStream = process.stderr): boolean {
  const env = process.env;
  return !stream.isTTY || isCI() || env.TERM === 'dumb' || Boolean(env.NO_COLOR);
}

export function createOutput(
  { quiet = false, verbose = false } = {},
  stream: NodeJS.WriteStream = process.stderr,
): Output {
  const live = !quiet && !verbose && !plainOutput(stream);
  const started = Date.now();
  const stamp = () => (verbose ? `[+${((Date.now() - started) / 1000).toFixed(1)}s] ` : '');
  let current: readonly ComponentStatus[] = [];
  let frame = 0;
  let lastPrinted = Date.now();

  const summary = () =>
    current
      .map(
        (c) =>
          `${c.name} ${c.ready ? '✓' : c.detail.length > 40 ? `${c.detail.slice(0, 40)}…` : c.detail}`,
      )
      .join('  ');
  const clear = () => live && stream.write('\r\x1b[2K');
  const draw = () => {
    if (!live || current.length === 0) return;
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${FRAMES[frame++ % FRAMES.length]} ${secs}s  ${summary()}`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 120) - 1)}`);
  };
  const write = (line: string) => {
    clear();
    stream.write(`${stamp()}${redact(line)}\n`);
    draw();
  };
  const timer = setInterval(
    () => {
      if (live) draw();
      else if (!quiet && current.length > 0 && Date.now() - lastPrinted >= HEARTBEAT_MS) {
        lastPrinted = Date.now();
        write(`  still waiting (${Math.round((Date.now() - started) / 1000)} s): ${summary()}`);
      }
    },
    live ? FRAME_MS : 1_000,
  );
  timer.unref();

  const output: Output = {
    logger: {
      info: (m) => {
        if (!quiet) write(m);
      },
      warn: (m) => write(`warning: ${m}`),
    },
    onProgress(components, elapsedMs) {
      const before = new Map(current.map((c) => [c.name, c]));
      current = components.map((c) => ({ ...c }));
      if (quiet) return;
      if (live) return draw();
      for (const c of current) {
        const was = before.get(c.name);
        if (was && was.ready === c.ready && was.detail === c.detail) continue;
        if (c.detail === 'waiting') continue;
        lastPrinted = Date.now();
        write(
          `  [${(elapsedMs / 1000).toFixed(1)}s] ${c.name}: ${c.ready ? 'ready' : 'not ready'} (${c.detail})`,
        );
      }
    },
    result: write,
    print: (text) => process.stdout.write(`${redact(text)}\n`),
    json: (value) => process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`),
    async waiting(work) {
      const abort = new AbortController();
      let received: keyof typeof SIGNALS | undefined;
      const handlers = (Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>).map((signal) => {
        const handler = () => {
          received = signal;
          write(`${signal}: cleaning up...`);
          abort.abort(new Error(`interrupted by ${signal}`));
        };
        process.on(signal, handler);
        return () => process.off(signal, handler);
      });
      try {
        return await work(abort.signal);
      } catch (error) {
        if (received)
          throw new ExitError(128 + SIGNALS[received], `stigmer-e2e: interrupted by ${received}`);
        throw error;
      } finally {
        for (const off of handlers) off();
        clear();
        current = [];
      }
    },
    done() {
      clearInterval(timer);
      clear();
      current = [];
    },
  };
  return output;
}
