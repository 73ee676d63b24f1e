/** A failure the docker CLI reports on stderr with an exit code (1, or 125 for `run`). */
export class DockerError extends Error {
  override name = 'DockerError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface FlagSpec {
  /** Long name → short letter (or '') of flags without a value. */
  bool?: Record<string, string>;
  /** Long name → short letter (or '') of flags taking a value; repeated ones collect. */
  value?: Record<string, string>;
  /** Stop at the first positional (`run IMAGE CMD...`: the rest belongs to the container). */
  stopAtPositional?: boolean;
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  positionals: string[];
  has(name: string): boolean;
  last(name: string): string | undefined;
  all(name: string): string[];
}

/** Parses docker-style flags: `--name x`, `--name=x`, `-e x`, grouped shorts `-aq`. */
export function parseDockerArgs(
  command: string,
  args: readonly string[],
  spec: FlagSpec,
): ParsedArgs {
  const bools = spec.bool ?? {};
  const values = spec.value ?? {};
  const longOf = (short: string, table: Record<string, string>) =>
    Object.keys(table).find((long) => table[long] === short);
  const flags = new Map<string, string[]>();
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--' || (!arg.startsWith('-') && spec.stopAtPositional)) {
      positionals.push(...args.slice(arg === '--' ? i + 1 : i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = splitOnce(arg.slice(2));
      if (name in bools) add(name, inline ?? 'true');
      else if (name in values) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new DockerError(`flag needs an argument: --${name}`, 125);
        add(name, value);
      } else throw unknown(command, arg);
      continue;
    }
    const letters = arg.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j] as string;
      const boolName = longOf(letter, bools);
      const valueName = longOf(letter, values);
      if (boolName !== undefined) add(boolName, 'true');
      else if (valueName !== undefined) {
        const rest = letters.slice(j + 1).replace(/^=/, '');
        const value = rest !== '' ? rest : args[++i];
        if (value === undefined)
          throw new DockerError(`flag needs an argument: '${letter}' in -${letters}`, 125);
        add(valueName, value);
        break;
      } else throw unknown(command, `-${letter}`);
    }
  }
  return {
    flags,
    positionals,
    has: (name) => (flags.get(name)?.at(-1) ?? 'false') !== 'false',
    last: (name) => flags.get(name)?.at(-1),
    all: (name) => flags.get(name) ?? [],
  };
}

function splitOnce(text: string): [string, string | undefined] {
  const index = text.indexOf('=');
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function unknown(command: string, flag: string): DockerError {
  return new DockerError(
    `unknown flag: ${flag}\nSee 'docker ${command} --help'. (The emulated docker supports the flags the Stigmer CLI and the Action use.)`,
    125,
  );
}
