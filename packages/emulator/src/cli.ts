#!/usr/bin/env node
/**
 * `stigmer`: an emulator of the real Stigmer CLI's `server` commands for integration tests.
 * Commands load lazily so that `--help` and `status` stay fast; only this file maps errors to
 * exit codes (cobra style: `Error: ...` on stderr, exit 1). Like the real binary it is also
 * stigmer-server and workflow-runner (hidden `internal-*` commands, BusyBox style).
 */
import {
  LLM_PULL_USAGE,
  LLM_USAGE,
  LOGS_USAGE,
  ROOT_USAGE,
  SERVER_USAGE,
  STATUS_USAGE,
  STOP_USAGE,
} from './commands/usage.js';
import { CommandError, KnobError, UsageError } from './errors.js';
import { enableDebugLog } from './log/cli-log.js';

const VERSION = 'v0.0.0-emulator';
const HELP = new Set(['-h', '--help']);
const SERVER_FLAGS = ['--execution-mode', '--sandbox-image', '--sandbox-ttl'];
const SERVER_BOOL_FLAGS = ['--sandbox-auto-pull', '--sandbox-cleanup'];

async function main(argv: readonly string[]): Promise<number> {
  const args = argv.filter((arg) => arg !== '--debug' && arg !== '-d');
  if (args.length !== argv.length) enableDebugLog();
  const [command, ...rest] = args;
  if (command === undefined || HELP.has(command)) return help(ROOT_USAGE);
  if (command === 'version' || command === '--version') {
    process.stdout.write(`stigmer version ${VERSION}\n`);
    return 0;
  }
  if (command === 'internal-server') {
    await import('./components/stigmer-server.js');
    return new Promise<number>(() => {}); // runs until a signal ends it
  }
  if (command === 'internal-workflow-runner') {
    await import('./components/workflow-runner.js');
    return new Promise<number>(() => {});
  }
  if (command !== 'server') throw new UsageError(`unknown command "${command}" for "stigmer"`, '');
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
      if (wantsHelp) return help(LOGS_USAGE);
      return (await import('./commands/server-logs.js')).serverLogs(rest);
    case 'llm':
      return llm(rest);
    default:
      // cobra passes any other word (`start` too) to `server` as an ignored argument: it starts.
      if (wantsHelp) return help(SERVER_USAGE);
      checkServerFlags(args);
      return (await import('./commands/server-start.js')).serverStart();
  }
}

async function llm(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { serverLlm } = await import('./commands/server-llm.js');
  if (args.some((arg) => HELP.has(arg))) return help(sub === 'pull' ? LLM_PULL_USAGE : LLM_USAGE);
  if (sub === 'list' || sub === 'status') {
    rejectFlags(rest, LLM_USAGE);
    return serverLlm(sub);
  }
  if (sub === 'pull') {
    rejectFlags(rest, LLM_PULL_USAGE);
    if (rest.length !== 1) {
      throw new UsageError(`accepts 1 arg(s), received ${rest.length}`, LLM_PULL_USAGE);
    }
    return serverLlm('pull', rest[0]);
  }
  return help(LLM_USAGE); // cobra prints the help of a command without Run
}

function help(text: string): number {
  process.stdout.write(text);
  return 0;
}

function rejectFlags(args: readonly string[], usage: string): void {
  const flag = args.find((arg) => arg.startsWith('-'));
  if (flag !== undefined) throw new UsageError(`unknown flag: ${flag}`, usage);
}

/** The real `server` flags are accepted (and, as in the source, change nothing here). */
function checkServerFlags(args: readonly string[]): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-')) continue;
    const name = arg.split('=')[0] as string;
    if (SERVER_BOOL_FLAGS.includes(name)) continue;
    if (!SERVER_FLAGS.includes(name)) throw new UsageError(`unknown flag: ${name}`, SERVER_USAGE);
    if (!arg.includes('=')) {
      if (args[i + 1] === undefined)
        throw new UsageError(`flag needs an argument: ${name}`, SERVER_USAGE);
      i++;
    }
  }
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
