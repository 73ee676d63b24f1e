/**
 * Log lines shaped like the real processes': Stigmer's Go services log through zerolog's
 * console writer (`3:04PM INF message key=value`, time without date, so `logs --all` cannot
 * order them); Temporal's dev server logs `time=... level=INFO msg="..."`.
 */
export type Fields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
const ZEROLOG_LEVEL: Record<Level, string> = {
  debug: 'DBG',
  info: 'INF',
  warn: 'WRN',
  error: 'ERR',
  fatal: 'FTL',
};

/** zerolog's ConsoleWriter without colours; fields sorted by key, as zerolog does. */
export function zerologLine(level: Level, message: string, fields: Fields = {}, now = new Date()) {
  const hours = now.getHours() % 12 || 12;
  const kitchen = `${hours}:${String(now.getMinutes()).padStart(2, '0')}${now.getHours() < 12 ? 'AM' : 'PM'}`;
  const rest = Object.keys(fields)
    .sort()
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${key}=${quote(fields[key])}`);
  return `${[kitchen, ZEROLOG_LEVEL[level], message, ...rest].join(' ')}\n`;
}

/** Temporal's text handler (log/slog style). */
export function logfmtLine(level: Level, message: string, fields: Fields = {}, now = new Date()) {
  const rest = Object.keys(fields)
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${key}=${quote(fields[key])}`);
  const head = `time=${now.toISOString()} level=${level.toUpperCase()} msg=${quote(message)}`;
  return `${[head, ...rest].join(' ')}\n`;
}

function quote(value: Fields[string]): string {
  const text = String(value);
  return /[\s"=]/.test(text) || text === '' ? JSON.stringify(text) : text;
}

/** A logger writing one style of line to `write` (stderr by default, as zerolog's is). */
export function createLogger(
  style: typeof zerologLine = zerologLine,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger & { fatal(message: string, fields?: Fields): never } {
  const at = (level: Level) => (message: string, fields?: Fields) =>
    write(style(level, message, fields));
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: (message, fields) => {
      write(style('fatal', message, fields));
      process.exit(1); // zerolog's Fatal exits 1
    },
  };
}
