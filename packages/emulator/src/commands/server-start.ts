import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CommandError } from '../errors.js';
import { KNOB_ENV } from '../knobs.js';
import { type StigmerLayout, stigmerLayout } from '../layout.js';
import { hostPort } from '../net/host-port.js';
import { canConnect } from '../net/tcp.js';
import { readSettings } from '../settings.js';
import { errFileOf, logFileOf, START_ORDER } from '../stack/components.js';
import { ensureConfigFile } from '../stack/config-file.js';
import { anyComponentRunning, inspectStack, isServerRunning } from '../stack/inspect-stack.js';
import { launchComponent } from '../stack/launch.js';
import { stopStack } from '../stack/stop-stack.js';
import { waitForTcp } from '../stack/wait-ready.js';
import { out } from './output.js';
import { tailLines } from './tail-lines.js';

/** How long `stigmer server` waits for stigmer-server to accept connections. */
export const START_TIMEOUT_MS = 30_000;
/** The real CLI pauses this long between the stop and the start of a restart. */
const RESTART_PAUSE_MS = 1_000;

/** `stigmer server [start]`: start the stack (restart it if running) and return once it is up. */
export async function serverStart(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  if (ensureConfigFile(layout)) {
    out('First-time setup: Initializing Stigmer...');
    out(`✓ Created configuration at ${layout.configFile}`);
  }
  mkdirSync(layout.logDir, { recursive: true });

  const state = inspectStack(layout);
  if (isServerRunning(state)) {
    out('Server is already running, restarting...');
    await stopStack(layout, { timeoutMs: settings.stopTimeoutMs });
    await sleep(RESTART_PAUSE_MS);
  } else if (anyComponentRunning(state)) {
    // The daemon died but runners or Temporal live on: clear them so the start is clean.
    out('Cleaning up components left by a previous server...');
    await stopStack(layout, { timeoutMs: settings.stopTimeoutMs });
  }

  out('Starting Stigmer server...');
  const provider = process.env.STIGMER_LLM_PROVIDER || 'ollama';
  if (provider === 'ollama') {
    out('✓ Using local LLM (no API key required)');
  } else {
    out(`Using ${provider} with model ${process.env.STIGMER_LLM_MODEL || '(default)'}`);
  }

  const address = hostPort(settings.host, settings.serverPort);
  if (await canConnect(settings.host, settings.serverPort)) {
    throw new CommandError(
      `failed to start server: ${address} is already in use by a process this CLI did not start.\n` +
        `Stop that process, or move the emulated server with ${KNOB_ENV.serverPort}.`,
    );
  }

  let server: ChildProcess | undefined;
  for (const name of START_ORDER) {
    const child = launchComponent(name, layout, settings);
    if (name === 'stigmer-server') server = child;
  }
  const result = await waitForTcp(
    server as ChildProcess,
    settings.host,
    settings.serverPort,
    START_TIMEOUT_MS,
  );
  if (!result.ready) {
    await stopStack(layout, { timeoutMs: settings.stopTimeoutMs });
    const why =
      result.reason === 'exited'
        ? `stigmer-server exited with ${result.signal ?? `code ${result.code}`} before accepting connections on ${address}`
        : `stigmer-server did not accept connections on ${address} within ${START_TIMEOUT_MS / 1000} s`;
    throw new CommandError(`failed to start server: ${why}\n${logExcerpt(layout)}`);
  }

  const pid = (server as ChildProcess).pid;
  out('✓ Ready! Stigmer server is running');
  out(`  PID:  ${pid}`);
  out(`  Port: ${settings.serverPort}`);
  out(`  Data: ${layout.dataDir}`);
  out();
  out('Web UI:');
  out('  Temporal:  http://localhost:8233');
  return 0;
}

/** The last lines of stigmer-server's logs, so a failed start explains itself. */
function logExcerpt(layout: StigmerLayout): string {
  const errLines = tailLines(errFileOf(layout, 'stigmer-server'), 10) ?? [];
  const file =
    errLines.length > 0 ? errFileOf(layout, 'stigmer-server') : logFileOf(layout, 'stigmer-server');
  const lines = errLines.length > 0 ? errLines : (tailLines(file, 10) ?? []);
  const body = lines.map((line) => `  ${line}`).join('\n');
  return `\nLast lines of ${file}:\n${body}\n\nSee all logs: stigmer server logs --all --stderr`;
}
