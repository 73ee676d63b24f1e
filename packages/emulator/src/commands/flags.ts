import { UsageError } from '../errors.js';

/** One flag in cobra/pflag style: `--name value`, `--name=value`, `-s value`, bools bare. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'int' | 'string';
}

export type FlagValues = Record<string, string | number | boolean>;

/**
 * Parses flags and positionals the way pflag does for the cases this CLI needs. Unknown flags
 * and bad values throw UsageError with the command's usage, as cobra prints it.
 */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  usage: string,
): { flags: FlagValues; positionals: string[] } {
  const flags: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [key, inline] = splitOnce(arg.slice(long ? 2 : 1), '=');
    const spec = specs.find((s) => (long ? s.name === key : s.short === key));
    if (spec === undefined) {
      const shown = long ? `--${key}` : `-${key}`;
      throw new UsageError(
        long ? `unknown flag: ${shown}` : `unknown shorthand flag: '${key}' in ${arg}`,
        usage,
      );
    }
    if (spec.type === 'bool') {
      flags[spec.name] = parseBool(spec.name, inline ?? 'true', usage);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) {
      throw new UsageError(`flag needs an argument: --${spec.name}`, usage);
    }
    flags[spec.name] = spec.type === 'int' ? parseInteger(spec.name, value, usage) : value;
  }
  return { flags, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function parseBool(name: string, value: string, usage: string): boolean {
  if (['true', '1', 't', 'TRUE', 'True'].includes(value)) return true;
  if (['false', '0', 'f', 'FALSE', 'False'].includes(value)) return false;
  throw new UsageError(
    `invalid argument "${value}" for "--${name}" flag: expected true or false`,
    usage,
  );
}

function parseInteger(name: string, value: string, usage: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) {
    throw new UsageError(
      `invalid argument "${value}" for "--${name}" flag: expected an integer`,
      usage,
    );
  }
  return number;
}
