#!/usr/bin/env node
import { ROOT_USAGE, SERVER_USAGE, STATUS_USAGE, STOP_USAGE } from './commands/usage.js';
/**
 * `stigmer`: an emulator of the real Stigmer CLI's `server` commands for integration tests.
 * Commands load lazily so that `--help` and `status` stay fast; only this file maps errors to
 * exit codes (cobra style: `Error: ...` on stderr, exit 1).
 */
import { CommandError, KnobError, UsageError } from './errors.js';

const VERSION = 'v0.0.0-emulator';
const HELP = new Set(['-h', '--help']);

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || HELP.has(command) || command === 'help') {
    process.stdout.write(ROOT_USAGE);
    return 0;
  }
  if (command === 'version' || command === '--version') {
    process.stdout.write(`stigmer version ${VERSION}\n`);
    return 0;
  }
  if (command !== 'server') {
    throw new UsageError(`unknown command "${command}" for "stigmer"`, '');
  }
  return server(rest);
}

async function server(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  const wantsHelp = args.some((arg) => HELP.has(arg));
  switch (sub) {
    case 'stop':
      if (wantsHelp) return help(STOP_USAGE);
      rejectFlags(rest, STOP_USAGE);
      return (await import('./commands/server-stop.js')).serverStop();
    case 'status':
      if (wantsHelp) return help(STATUS_USAGE);
      rejectFlags(rest, STATUS_USAGE);
      return (await import('./commands/server-status.js')).serverStatus();
    case 'logs':
      if (wantsHelp) return help((await import('./commands/usage.js')).LOGS_USAGE);
      return (await import('./commands/server-logs.js')).serverLogs(rest);
    case undefined:
    case 'start': // not a subcommand in the real CLI: cobra passes it to `server` as an ignored arg
      if (wantsHelp) return help(SERVER_USAGE);
      rejectFlags(rest, SERVER_USAGE);
      return (await import('./commands/server-start.js')).serverStart();
    default:
      if (wantsHelp) return help(SERVER_USAGE);
      throw new UsageError(`unknown command "${sub}" for "stigmer server"`, '');
  }
}

function help(text: string): number {
  process.stdout.write(text);
  return 0;
}

/** These commands take no flags here; the real server flags (sandbox, execution mode) are not emulated. */
function rejectFlags(args: readonly string[], usage: string): void {
  const flag = args.find((arg) => arg.startsWith('-'));
  if (flag !== undefined) throw new UsageError(`unknown flag: ${flag}`, usage);
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`Error: ${error.message}\n`);
    process.stderr.write(error.usage ? error.usage : "Run 'stigmer --help' for usage.\n");
    return 1;
  }
  if (error instanceof CommandError || error instanceof KnobError) {
    process.stderr.write(`Error: ${error.message}\n`);
    return 1;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `Error: internal emulator error (a bug in @stigmer/e2e-emulator, please report it):\n${detail}\n`,
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(report(error)),
);
