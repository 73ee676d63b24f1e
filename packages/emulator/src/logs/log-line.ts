/** One line of the merged `logs --all` view (client-apps/cli/internal/cli/logs/parser.go). */
export interface LogLine {
  component: string;
  line: string;
  /** From the line's leading timestamp; else the time it was read, as the real parser does. */
  time: number;
}

const TIMESTAMP =
  /^(\d{4}[/-]\d{2}[/-]\d{2}[T\s]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)/;
let lastRead = 0;

export function parseLogLine(line: string, component: string): LogLine {
  const stamp = TIMESTAMP.exec(line)?.[1];
  const parsed =
    stamp === undefined ? Number.NaN : Date.parse(stamp.replace(/\//g, '-').replace(' ', 'T'));
  // "now", strictly increasing, so lines without a timestamp keep their reading order.
  lastRead = Math.max(lastRead + 1e-3, Date.now());
  return { component, line, time: Number.isNaN(parsed) ? lastRead : parsed };
}

/** `[component      ] line`: the name padded (or cut) to 15 characters. */
export function formatLogLine(line: LogLine): string {
  return `[${line.component.padEnd(15).slice(0, 15)}] ${line.line}`;
}
