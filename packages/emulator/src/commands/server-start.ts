import { setTimeout as sleep } from 'node:timers/promises';
import { isInitialized, saveDefaultConfig } from '../config/config-file.js';
import { daemonStatus, isDaemonRunning } from '../daemon/is-running.js';
import { startDaemon } from '../daemon/start-daemon.js';
import { stopDaemon } from '../daemon/stop-daemon.js';
import { CommandError } from '../errors.js';
import { stigmerLayout } from '../layout.js';
import { readSettings } from '../settings.js';
import { failure, info, out, success, warning } from './output.js';

/**
 * `stigmer server [start]` (root/server.go `handleServerStart`): first-time config, restart
 * if running ("Server is already running, restarting...", stop, 1 s pause), start, and exit 0
 * as soon as stigmer-server is spawned, before it listens.
 */
export async function serverStart(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  if (!isInitialized(layout)) {
    info('First-time setup: Initializing Stigmer...');
    saveDefaultConfig(layout, settings);
    success(`Created configuration at ${layout.configFile}`);
  }
  if (await isDaemonRunning(layout, settings)) {
    info('Server is already running, restarting...');
    try {
      await stopDaemon(layout, settings);
    } catch (error) {
      warning(`Failed to stop existing server: ${(error as Error).message}`);
      info('Will attempt to start anyway (cleanup will handle orphans)');
    }
    await sleep(1_000);
  }
  info('Starting Stigmer server...');
  try {
    await startDaemon(layout, settings, out);
  } catch (error) {
    failure('Failed to start server');
    throw new CommandError((error as Error).message);
  }
  success('Ready! Stigmer server is running');
  const { running, pid } = daemonStatus(layout);
  if (running) {
    info(`  PID:  ${pid}`);
    info(`  Port: ${settings.serverPort}`);
    info(`  Data: ${layout.dataDir}`);
    info('');
    info('Web UI:');
    info('  Temporal:  http://localhost:8233');
  }
  return 0;
}
