import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { UsageError } from '../../errors.js';
import { signalVerified } from '../../process/signal.js';
import { descendants } from '../../process/tree.js';
import { ensureServer } from '../../stack/ensure.js';
import { CONFIG_OPTIONS, parseFlags, profileFlags, WAIT_OPTIONS, waitFlags } from '../args.js';
import { EXIT } from '../exit.js';
import { HELP } from '../help.js';
import { formatHandle, formatRelease, formatUsage } from '../print.js';
import { withProgress } from '../with-progress.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function run(argv: string[]): Promise<number> {
  const split = argv.indexOf('--');
  const flags = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const { values } = parseFlags(flags, { ...CONFIG_OPTIONS, ...WAIT_OPTIONS });
  if (values.help) {
    process.stdout.write(HELP.run);
    return EXIT.ok;
  }
  if (command.length === 0)
    throw new UsageError('run needs a command after `--`, e.g. `stigmer-e2e run -- pnpm test`');
  const { onUnavailable, ensure } = waitFlags(values);
  const profile = await profileFlags(values);

  const handle = await withProgress((progress, signal) =>
    ensureServer(profile, {
      ...ensure,
      signal,
      logger: progress.logger,
      onProgress: progress.onProgress,
      lease: { kind: 'process', label: `stigmer-e2e run: ${command.join(' ').slice(0, 80)}` },
    }),
  );
  process.stderr.write(`${formatHandle(handle)}\n`);
  if (!handle.available) return onUnavailable === 'fail' ? EXIT.error : EXIT.unavailable;

  let code: number;
  try {
    code = await runCommand(command, { ...process.env, ...handle.env });
  } finally {
    const result = await handle.release();
    const usage = formatUsage(handle.profile, result.usage);
    if (usage) process.stderr.write(`${usage}\n`);
    process.stderr.write(`${formatRelease(handle.profile, result)}\n`);
  }
  return code;
}

/** Runs the command with inherited stdio; signals we receive are passed on. Resolves with its exit code. */
function runCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    // Keep running on Ctrl-C: the command decides how to end, then we release the lease. In a
    // terminal, Ctrl-C already reaches the command (same foreground process group): passing it on
    // too would interrupt it twice, and a second interrupt cuts short its own cleanup.
    const fromTerminal = Boolean(process.stdin.isTTY);
    const forward = (signal: NodeJS.Signals) => () => {
      if (!(signal === 'SIGINT' && fromTerminal)) void passOn(child, signal);
    };
    const handlers = FORWARDED.map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    const done = (code: number) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve(code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        error.code === 'ENOENT'
          ? `stigmer-e2e: command not found: ${file}. Check the spelling, or that it is on PATH.\n`
          : `stigmer-e2e: cannot run ${file}: ${error.message}\n`,
      );
      done(error.code === 'ENOENT' ? 127 : 126);
    });
    child.once('exit', (code, signal) =>
      done(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)),
    );
  });
}

/**
 * The signal goes to the command and to its children, as a terminal's Ctrl-C reaches them all:
 * `go test` leaves an interrupt to the test binary it runs. The children are listed first (once
 * the command exits they are no longer its) and each is checked by pid and start time.
 */
async function passOn(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const children = child.pid ? await descendants(child.pid).catch(() => []) : [];
  child.kill(signal);
  await Promise.all(children.map((c) => signalVerified(c, signal)));
}
