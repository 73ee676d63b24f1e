import { isDaemonRunning } from '../daemon/is-running.js';
import { stopDaemon } from '../daemon/stop-daemon.js';
import { CommandError } from '../errors.js';
import { stigmerLayout } from '../layout.js';
import { readSettings } from '../settings.js';
import { failure, info, success } from './output.js';

/**
 * `stigmer server stop`: when the daemon is not running (`daemon.pid` dead and no gRPC answer
 * on :7234 within 1 s) it says so and stops nothing else; otherwise daemon.go `Stop`.
 */
export async function serverStop(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  if (settings.stopHangs) {
    info('Stopping server...');
    // A hung stop command: keep the event loop alive forever and touch nothing.
    setInterval(() => {}, 1 << 30);
    return new Promise<number>(() => {});
  }
  if (!(await isDaemonRunning(layout, settings))) {
    info('Server is not running');
    return 0;
  }
  info('Stopping server...');
  try {
    await stopDaemon(layout, settings);
  } catch (error) {
    failure('Failed to stop server');
    throw new CommandError((error as Error).message);
  }
  success('Server stopped successfully');
  return 0;
}
