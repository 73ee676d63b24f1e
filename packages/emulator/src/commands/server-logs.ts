import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAgentRunnerContainer } from '../daemon/docker-container.js';
import { CommandError } from '../errors.js';
import { type StigmerLayout, stigmerLayout } from '../layout.js';
import { followDocker, followFile } from '../logs/follow.js';
import { formatLogLine, parseLogLine } from '../logs/log-line.js';
import { type LogSource, mergeLogs, splitLines } from '../logs/merge.js';
import { AGENT_RUNNER_CONTAINER } from '../server/agent-runner.js';
import { parseFlags } from './flags.js';
import { failure, info, out, warning } from './output.js';
import { LOGS_USAGE } from './usage.js';

const COMPONENTS = ['stigmer-server', 'agent-runner', 'workflow-runner'];

/**
 * `stigmer server logs` (root/server_logs.go). `--follow` and `--all` default to true, so by
 * default it streams every component forever, and `-c` only counts with `--all=false`.
 * There is no Temporal component (its log is `~/.stigmer/logs/temporal.log`).
 */
export async function serverLogs(args: readonly string[]): Promise<number> {
  const { flags } = parseFlags(
    args,
    [
      { name: 'follow', short: 'f', type: 'bool' },
      { name: 'tail', short: 'n', type: 'int' },
      { name: 'component', short: 'c', type: 'string' },
      { name: 'stderr', type: 'bool' },
      { name: 'all', type: 'bool' },
    ],
    LOGS_USAGE,
  );
  const follow = flags.follow !== false;
  const lines = (flags.tail as number | undefined) ?? 50;
  const component = (flags.component as string | undefined) ?? 'stigmer-server';
  const layout = stigmerLayout();

  if (flags.all !== false) {
    const sources = await allSources(layout);
    // The source computes the label from --stderr but reads the .log files either way.
    const stream = !('stderr' in flags)
      ? 'mixed (smart defaults)'
      : flags.stderr
        ? 'stderr'
        : 'stdout';
    if (follow) {
      info(`Streaming logs from all components (${stream}, interleaved by timestamp)`);
      info('Press Ctrl+C to stop');
      out();
    } else {
      info(`Showing last ${lines} lines from all components (${stream}, interleaved by timestamp)`);
      out();
    }
    let merged: Awaited<ReturnType<typeof mergeLogs>>;
    try {
      merged = await mergeLogs(sources, lines);
    } catch (error) {
      failure(follow ? 'Failed to stream logs' : 'Failed to read logs');
      throw new CommandError((error as Error).message);
    }
    for (const line of merged) out(formatLogLine(line));
    if (!follow) return 0;
    const print = (name: string) => (line: string) => out(formatLogLine(parseLogLine(line, name)));
    await Promise.all(
      sources.map((source) =>
        'container' in source
          ? followDocker(source.container, print(source.name))
          : existsSync(source.file)
            ? followFile(source.file, print(source.name))
            : undefined,
      ),
    );
    return new Promise<number>(() => {}); // no source to follow: block, as the real one does
  }

  if (!COMPONENTS.includes(component)) {
    failure(
      `Invalid component: ${component} (must be 'stigmer-server', 'agent-runner', or 'workflow-runner')`,
    );
    return 0;
  }
  if (component === 'agent-runner' && (await isAgentRunnerDocker(layout))) {
    info('Agent-runner is running in Docker, streaming from container');
    info(`Streaming logs from Docker container: ${AGENT_RUNNER_CONTAINER}`);
    if (follow) info('Press Ctrl+C to stop');
    out();
    const dockerArgs = [
      'logs',
      ...(follow ? ['-f'] : []),
      ...(lines > 0 ? ['--tail', String(lines)] : []),
    ];
    const code = await new Promise<number>((resolve) => {
      const child = spawn('docker', [...dockerArgs, AGENT_RUNNER_CONTAINER], { stdio: 'inherit' });
      child.once('error', () => resolve(-1));
      child.once('exit', (exit) => resolve(exit ?? 1));
    });
    if (code !== 0) {
      failure('Failed to stream Docker logs');
      throw new CommandError(
        code === -1 ? 'exec: "docker": executable file not found in $PATH' : `exit status ${code}`,
      );
    }
    return 0;
  }
  const file = join(layout.logDir, `${component}.${flags.stderr === true ? 'err' : 'log'}`);
  if (!existsSync(file)) {
    warning(`Log file does not exist: ${file}`);
    info('Server might not have been started yet.');
    return 0;
  }
  const existing = splitLines(readFileSync(file, 'utf8'));
  if (follow) {
    info(
      `Streaming logs from: ${file} (${lines === 0 ? 'showing all existing logs' : `showing last ${lines} lines`})`,
    );
    info('Press Ctrl+C to stop');
    out();
  } else {
    info(`Showing last ${lines} lines from: ${file}`);
    out();
    if (lines === 0 && existing.length > 0) {
      // server_logs.go's circular buffer with capacity 0 slices an empty slice: a Go panic.
      process.stderr.write(
        'panic: runtime error: slice bounds out of range [1:0]\n\ngoroutine 1 [running]:\n',
      );
      return 2;
    }
  }
  for (const line of lines === 0 ? existing : existing.slice(-lines)) out(line);
  if (!follow) return 0;
  return followFile(file, out, false);
}

/** The three components of `--all`; agent-runner through `docker logs` when it runs in Docker. */
async function allSources(layout: StigmerLayout): Promise<LogSource[]> {
  const docker = await isAgentRunnerDocker(layout);
  return [
    { name: 'stigmer-server', file: join(layout.logDir, 'stigmer-server.log') },
    { name: 'workflow-runner', file: join(layout.logDir, 'workflow-runner.log') },
    docker
      ? { name: 'agent-runner', container: AGENT_RUNNER_CONTAINER }
      : { name: 'agent-runner', file: join(layout.logDir, 'agent-runner.log') },
  ];
}

/** `agent-runner-container.id` exists (it never does), or a running container has the name. */
async function isAgentRunnerDocker(layout: StigmerLayout): Promise<boolean> {
  if (existsSync(layout.cliContainerIdFile)) return true;
  return (await findAgentRunnerContainer({ runningOnly: true })) !== '';
}
