/**
 * A command is defined once, with its flags, and its help is rendered from those definitions,
 * so the two cannot drift. `runCommand` is the opening every command shares: strict parsing
 * (an unknown flag is a usage error naming it), `--help`, and the output the flags ask for.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { EXIT } from './exit.js';
import { createOutput, type Output } from './output.js';

export interface Flag {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help: `<seconds>`. */
  readonly value?: string;
  /** One or more lines of help. */
  readonly help: string;
}

export type Flags = Readonly<Record<string, Flag>>;
type Values<F extends Flags> = {
  [K in keyof F]?: F[K]['type'] extends 'boolean' ? boolean : string;
};

export interface Command<F extends Flags = Flags> {
  readonly name: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  /** What follows `stigmer-e2e <name>` in the usage line. */
  readonly usage: string;
  readonly description: string;
  readonly flags: F;
  readonly examples: readonly string[];
  /** Arguments after `--` are the command's own (run); otherwise none are accepted. */
  readonly takesCommand?: boolean;
  /** Positional arguments are accepted (`fault kill workflow-runner`), given as `args`. */
  readonly takesArguments?: boolean;
  run(args: { values: Values<F>; command: string[]; args: string[]; out: Output }): Promise<number>;
}

/** The output flags every command has. */
const OUTPUT_FLAGS = {
  quiet: {
    type: 'boolean',
    short: 'q',
    help: 'Only the result and errors (no progress, no steps).',
  },
  verbose: {
    type: 'boolean',
    help: 'Every step and every change of every component, with timestamps.',
  },
  help: { type: 'boolean', short: 'h', help: 'This help.' },
} as const satisfies Flags;

export function defineCommand<F extends Flags>(command: Command<F>): Command<F> {
  return command;
}

export async function runCommand<F extends Flags>(
  command: Command<F>,
  argv: readonly string[],
): Promise<number> {
  const split = command.takesCommand ? argv.indexOf('--') : -1;
  const flags = split === -1 ? [...argv] : argv.slice(0, split);
  const rest = split === -1 ? [] : argv.slice(split + 1);
  const all = { ...command.flags, ...OUTPUT_FLAGS };
  let values: Values<typeof all>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: flags,
      options: all,
      strict: true,
      allowPositionals: command.takesArguments === true,
    });
    values = parsed.values as Values<typeof all>;
    positionals = parsed.positionals;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
  if (values.help) {
    process.stdout.write(renderHelp(command));
    return EXIT.ok;
  }
  if (values.quiet && values.verbose)
    throw new UsageError('--quiet and --verbose exclude each other: pick one');
  const out = createOutput({ quiet: values.quiet === true, verbose: values.verbose === true });
  try {
    return await command.run({
      values: values as Values<F>,
      command: rest,
      args: positionals,
      out,
    });
  } finally {
    out.done();
  }
}

function renderHelp(command: Command): string {
  const all: Flags = { ...command.flags, ...OUTPUT_FLAGS };
  const flags = Object.entries(all).map(([name, flag]) => {
    const head = `  ${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.value ? ` ${flag.value}` : ''}`;
    const [first = '', ...more] = flag.help.split('\n');
    return [`${head.padEnd(28)} ${first}`, ...more.map((line) => `${' '.repeat(29)}${line}`)].join(
      '\n',
    );
  });
  return [
    `Usage: stigmer-e2e ${command.name} ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...flags,
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
