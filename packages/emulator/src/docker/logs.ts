import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DockerError, parseDockerArgs } from './arguments.js';
import type { ContainerDir } from './containers.js';
import { type DockerContext, daemonUnavailable, noSuchContainer } from './context.js';

const FOLLOW_POLL_MS = 100;

interface LogEntry {
  log: string;
  stream: 'stdout' | 'stderr';
  time: string;
}

/**
 * `docker logs [--tail N] [-f] [-t] CONTAINER`: each line on the stream it was written to.
 * `-f` follows until the container has stopped for good (or is removed).
 */
export async function logs(ctx: DockerContext, args: readonly string[]): Promise<number> {
  if (ctx.settings.dockerUnavailable) throw daemonUnavailable();
  const parsed = parseDockerArgs('logs', args, {
    bool: { follow: 'f', timestamps: 't', details: '' },
    value: { tail: 'n', since: '', until: '' },
  });
  const name = parsed.positionals[0];
  if (name === undefined) throw new DockerError('"docker logs" requires exactly 1 argument.');
  const container = ctx.containers.find(name);
  if (container === undefined) throw noSuchContainer(name);
  const tail = parsed.last('tail') ?? 'all';
  if (tail !== 'all' && !/^\d+$/.test(tail)) {
    throw new DockerError(`invalid value for --tail: expected a number or "all", got "${tail}"`);
  }
  const print = (entry: LogEntry) => {
    const text = parsed.has('timestamps') ? `${entry.time} ${entry.log}` : entry.log;
    if (entry.stream === 'stderr') ctx.err(text);
    else ctx.out(text);
  };
  let seen = readEntries(container);
  const shown = tail === 'all' ? seen : seen.slice(Math.max(0, seen.length - Number(tail)));
  for (const entry of shown) print(entry);
  if (!parsed.has('follow')) return 0;
  for (;;) {
    await sleep(FOLLOW_POLL_MS);
    if (!container.exists()) return 0;
    const done = container.state().Status === 'exited';
    const now = readEntries(container);
    for (const entry of now.slice(seen.length)) print(entry);
    seen = now;
    if (done) return 0;
  }
}

function readEntries(container: ContainerDir): LogEntry[] {
  let text: string;
  try {
    text = readFileSync(container.logFile, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogEntry];
      } catch {
        return []; // a line being written right now
      }
    });
}
