import { UsageError } from '../errors.js';
import { stigmerLayout } from '../layout.js';
import { type ComponentName, errFileOf, logFileOf, START_ORDER } from '../stack/components.js';
import { parseFlags } from './flags.js';
import { err, out } from './output.js';
import { tailLines } from './tail-lines.js';
import { LOGS_USAGE } from './usage.js';

const ALIASES: Readonly<Record<string, ComponentName>> = {
  server: 'stigmer-server',
  'stigmer-server': 'stigmer-server',
  temporal: 'temporal',
  'workflow-runner': 'workflow-runner',
  'agent-runner': 'agent-runner',
};

/**
 * `stigmer server logs`: print the tail of a component's log (or of all, merged by timestamp).
 * `--follow` is accepted but never streams: the emulator prints and exits.
 */
export async function serverLogs(args: readonly string[]): Promise<number> {
  const { flags } = parseFlags(
    args,
    [
      { name: 'follow', short: 'f', type: 'bool' },
      { name: 'tail', type: 'int' },
      { name: 'all', type: 'bool' },
      { name: 'stderr', type: 'bool' },
      { name: 'component', short: 'c', type: 'string' },
    ],
    LOGS_USAGE,
  );
  const tail = (flags.tail as number | undefined) ?? 50;
  if (tail < 0)
    throw new UsageError(`invalid --tail ${tail}: expected 0 (all) or more`, LOGS_USAGE);
  const alias = (flags.component as string | undefined) ?? 'server';
  const component = ALIASES[alias];
  if (component === undefined) {
    throw new UsageError(
      `unknown component "${alias}": expected one of ${Object.keys(ALIASES).join(', ')}`,
      LOGS_USAGE,
    );
  }
  const layout = stigmerLayout();
  const fileOf = (name: ComponentName) =>
    flags.stderr === true ? errFileOf(layout, name) : logFileOf(layout, name);

  if (flags.all === true) {
    const merged: { time: string; text: string }[] = [];
    for (const name of START_ORDER) {
      let time = '';
      for (const line of tailLines(fileOf(name), tail) ?? []) {
        // A line without its own timestamp (a panic trace) belongs with the line before it.
        time = /^\d{4}-\d\d-\d\dT\S+/.exec(line)?.[0] ?? time;
        merged.push({ time, text: `[${name}] ${line}` });
      }
    }
    merged.sort((a, b) => a.time.localeCompare(b.time)); // stable: each file keeps its order
    for (const { text } of tail > 0 ? merged.slice(-tail) : merged) out(text);
    return 0;
  }
  const lines = tailLines(fileOf(component), tail);
  if (lines === null) {
    err(`No logs for ${component} yet (expected ${fileOf(component)}). Start it: stigmer server`);
    return 0;
  }
  for (const line of lines) out(line);
  return 0;
}
