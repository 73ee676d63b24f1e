/**
 * Emulated Temporal CLI (`~/.stigmer/bin/temporal server start-dev --port N --db-filename F
 * --ui-port U`). It accepts TCP at once, but its health service answers NOT_SERVING until the
 * ready delay has passed (or forever): "port open" is not "ready", as with the real one.
 * The Web UI port is not opened (parallel tests would fight over 8233).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { KNOB_ENV } from '../knobs.js';
import { createLogger, logfmtLine } from '../log/logger.js';
import { hostPort } from '../net/host-port.js';
import { readSettings } from '../settings.js';
import type { HealthServer } from './grpc-health-server.js';
import { handleTermination } from './lifecycle.js';

const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
const VERSION = 'temporal version 1.5.1 (Server 1.29.1, UI 2.41.0) [emulated]';

const args = process.argv.slice(2);
const log = createLogger(logfmtLine, (line) => process.stdout.write(line));
if (args[0] === '--version' || args[0] === '-v') {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (args[0] !== 'server' || args[1] !== 'start-dev') {
  process.stderr.write(
    `Error: unknown command "${args.join(' ')}" (emulated: only \`server start-dev\`)\n`,
  );
  process.exit(1);
}
const settings = readSettings();
const port = Number(flag('--port') ?? 7233);
const dbFile = flag('--db-filename');
let server: HealthServer | undefined;
handleTermination(settings, log, async () => {
  log.info('Received interrupt, shutting down');
  await server?.close();
  return 0;
});

if (settings.temporalFailStart) {
  log.error('Failed to start server', {
    error: `emulated failure (${KNOB_ENV.temporalFailStart}=1)`,
  });
  process.exit(1);
}
if (dbFile !== undefined) {
  mkdirSync(dirname(dbFile), { recursive: true });
  closeSync(openSync(dbFile, 'a'));
}
const { startHealthServer } = await import('./grpc-health-server.js');
try {
  server = await startHealthServer(settings.host, port, {
    '': 'NOT_SERVING',
    [WORKFLOW_SERVICE]: 'NOT_SERVING',
  });
} catch (error) {
  log.error('Failed to start server', { error: (error as Error).message });
  process.exit(1);
}
process.stdout.write(
  `CLI ${VERSION.slice('temporal version '.length)}\n\nServer:  ${hostPort(settings.host, port)}\nUI:      http://localhost:${flag('--ui-port') ?? 8233} (not opened by the emulator)\n\n`,
);
if (settings.temporalNeverReady) {
  log.warn('health stays NOT_SERVING', { knob: `${KNOB_ENV.temporalNeverReady}=1` });
} else {
  setTimeout(() => {
    server?.setStatus('', 'SERVING');
    server?.setStatus(WORKFLOW_SERVICE, 'SERVING');
    log.info('Frontend is serving', { service: WORKFLOW_SERVICE });
  }, settings.temporalReadyDelayMs);
}

function flag(name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}
