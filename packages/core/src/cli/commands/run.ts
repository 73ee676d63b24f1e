import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { UsageError } from '../../errors.js';
import { signalVerified } from '../../process/signal.js';
import { descendants } from '../../process/tree.js';
import { formatCommand } from '../../util/format-command.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { formatHandle, formatRelease } from '../print.js';
import { PROFILE_FLAGS, profileFlags, WAIT_FLAGS, waitFlags } from '../shared-flags.js';
import { ensureTarget } from '../target.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export default defineCommand({
  name: 'run',
  summary: "Ensure the stack, run a command with its env, release. Exits with the command's code.",
  usage: '[options] -- <command> [args...]',
  description:
    "Ensures the stack with a lease bound to this process, runs the command with the profile's env\n" +
    "(e.g. STIGMER_SERVER_ADDR, TEMPORAL_ADDRESS), releases the lease and exits with the command's\n" +
    'code. Ctrl-C is passed to the command and its child processes; the lease is still released.\n' +
    'When the stack is unavailable the command is not run (exit 3 under skip, 1 under fail).\n' +
    'A group config: every member, in dependency order; the command gets all of their env.',
  flags: { ...PROFILE_FLAGS, ...WAIT_FLAGS },
  takesCommand: true,
  examples: [
    'stigmer-e2e run -- pnpm vitest run',
    'stigmer-e2e run -- go test -tags=e2e ./...',
    'stigmer-e2e run --config e2e/postgres.mjs -- pytest -x',
    'stigmer-e2e run --config e2e/stack.mjs -- pnpm test   # a group: stigmer, db, then the app',
  ],
  async run({ values, command, out }) {
    if (command.length === 0)
      throw new UsageError('run needs a command after `--`, e.g. `stigmer-e2e run -- pnpm test`');
    const { onUnavailable, ensure } = waitFlags(values);
    const profile = await profileFlags(values);
    const handle = await out.waiting((signal) =>
      ensureTarget(profile, {
        ...ensure,
        signal,
        logger: out.logger,
        onProgress: out.onProgress,
        lease: { kind: 'process', label: `stigmer-e2e run: ${command.join(' ').slice(0, 80)}` },
      }),
    );
    out.result(formatHandle(handle));
    if (!handle.available) {
      const code = onUnavailable === 'fail' ? EXIT.error : EXIT.unavailable;
      out.result(
        `stigmer-e2e: ${formatCommand(command)} was not run: ${profile.name} is unavailable (exit ${code}: ${onUnavailable === 'fail' ? 'failed, --on-unavailable fail' : 'skipped; --on-unavailable fail makes it an error'}).`,
      );
      return code;
    }
    let code: number;
    try {
      code = await runChild(command, { ...process.env, ...handle.env });
    } finally {
      const result = await handle.release();
      for (const line of formatRelease(handle.profile, handle, result)) out.result(line);
    }
    return code;
  },
});

/** Runs the command with inherited stdio; signals we receive are passed on. Resolves with its exit code. */
function runChild(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
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
