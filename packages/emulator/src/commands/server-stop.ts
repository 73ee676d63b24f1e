import { stigmerLayout } from '../layout.js';
import { readSettings } from '../settings.js';
import { anyComponentRunning, inspectStack } from '../stack/inspect-stack.js';
import { stopStack } from '../stack/stop-stack.js';
import { out } from './output.js';

/** `stigmer server stop`: stop every component; "Server is not running" when none runs. */
export async function serverStop(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  if (settings.stopHangs) {
    out('Stopping server...');
    // A hung stop command: keep the event loop alive forever and touch nothing.
    setInterval(() => {}, 1 << 30);
    return new Promise<number>(() => {});
  }
  if (!anyComponentRunning(inspectStack(layout))) {
    await stopStack(layout, { timeoutMs: settings.stopTimeoutMs }); // clears stale pid files
    out('Server is not running');
    return 0;
  }
  out('Stopping server...');
  await stopStack(layout, { timeoutMs: settings.stopTimeoutMs, say: out });
  out('✓ Server stopped successfully');
  return 0;
}
