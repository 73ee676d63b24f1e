/**
 * `stigmer-e2e`: the entry only picks the command and maps errors to exit codes; each command
 * is imported on demand so the warm path loads nothing it does not use.
 */
import { EXIT, ExitError } from './exit.js';
import { HELP } from './help.js';

const COMMANDS = {
  up: () => import('./commands/up.js'),
  down: () => import('./commands/down.js'),
  status: () => import('./commands/status.js'),
  run: () => import('./commands/run.js'),
  logs: () => import('./commands/logs.js'),
} as const;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP.main);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${createRequire(import.meta.url)('../../package.json').version}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name as keyof typeof COMMANDS];
  if (!load) {
    process.stderr.write(
      `stigmer-e2e: unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(', ')}.\n\n${HELP.main}`,
    );
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command.run(rest);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof ExitError) {
    if (error.message) process.stderr.write(`${error.message}\n`);
    return error.code;
  }
  const name = (error as Error)?.name;
  if (name === 'UsageError') {
    process.stderr.write(
      `stigmer-e2e: ${(error as Error).message}\nRun \`stigmer-e2e <command> --help\` for the options.\n`,
    );
    return EXIT.usage;
  }
  const known = [
    'ProfileError',
    'ServerUnavailableError',
    'StateDirError',
    'LockTimeoutError',
    'SpawnError',
  ];
  if (known.includes(name)) {
    process.stderr.write(`stigmer-e2e: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  process.stderr.write(
    `stigmer-e2e: unexpected error: ${(error as Error)?.stack ?? String(error)}\n` +
      'This is a bug in stigmer-e2e: please report it with the output above at https://github.com/stigmer/server-action/issues\n',
  );
  return EXIT.error;
}
