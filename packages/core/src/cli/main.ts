/**
 * `stigmer-e2e`: the entry picks the command and maps errors, by type, to exit codes; each command
 * is imported on demand so the warm path loads nothing it does not use.
 */
import { StigmerE2eError, UsageError } from '../errors.js';
import { type Command, runCommand } from './command.js';
import { EXIT, ExitError } from './exit.js';

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  run: () => import('./commands/run.js') as Promise<{ default: Command }>,
  up: () => import('./commands/up.js') as Promise<{ default: Command }>,
  down: () => import('./commands/down.js') as Promise<{ default: Command }>,
  status: () => import('./commands/status.js') as Promise<{ default: Command }>,
  logs: () => import('./commands/logs.js') as Promise<{ default: Command }>,
  fault: () => import('./commands/fault.js') as Promise<{ default: Command }>,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${createRequire(import.meta.url)('../../package.json').version}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(
      `stigmer-e2e: unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(', ')}.\n\n${await mainHelp()}`,
    );
    return EXIT.usage;
  }
  try {
    return await runCommand((await load()).default, rest);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof ExitError) {
    if (error.message) process.stderr.write(`${error.message}\n`);
    return error.code;
  }
  if (error instanceof UsageError) {
    process.stderr.write(
      `stigmer-e2e: ${error.message}\nRun \`stigmer-e2e <command> --help\` for the options.\n`,
    );
    return EXIT.usage;
  }
  if (error instanceof StigmerE2eError) {
    process.stderr.write(`stigmer-e2e: ${error.message}\n`);
    return EXIT.error;
  }
  process.stderr.write(
    `stigmer-e2e: unexpected error: ${(error as Error)?.stack ?? String(error)}\n` +
      'This is a bug in stigmer-e2e: please report it with the output above at https://github.com/stigmer/server-action/issues\n',
  );
  return EXIT.error;
}

/** The list of commands, from each command's own summary. */
async function mainHelp(): Promise<string> {
  const commands = await Promise.all(
    Object.values(COMMANDS).map(async (load) => (await load()).default),
  );
  return `stigmer-e2e: start, share and stop the Stigmer server stack (or any server) for end-to-end tests.

Usage: stigmer-e2e <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Exit codes: 0 available, 1 error (or unavailable under --on-unavailable fail), 2 usage, 3 unavailable (skip).

Examples:
  stigmer-e2e run -- pnpm vitest run
  stigmer-e2e run --config e2e/postgres.mjs -- go test ./...
  LEASE=$(stigmer-e2e up --json | jq -r .leaseId) && make e2e; stigmer-e2e down --lease "$LEASE"

Run \`stigmer-e2e <command> --help\` for a command's options.
`;
}
