import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { grpcDialReady } from '../net/grpc-health-client.js';
import { hostPort } from '../net/host-port.js';
import { SERVER_MARKER } from '../process/markers.js';
import { inspectPidFile, removePidFile } from '../process/pid-file.js';
import type { EmulatorSettings } from '../settings.js';

/** The real fallback dial's limit: "within 1 s". */
const DIAL_TIMEOUT_MS = 1_000;

/**
 * daemon.go `IsRunning`: `daemon.pid` names a live process; else (the stale file removed) a
 * blocking gRPC dial to :7234 succeeds within 1 s. Unlike the real one, a live pid that is not
 * the stigmer-server this emulator started counts as stale, so it is never signalled later.
 */
export async function isDaemonRunning(
  layout: StigmerLayout,
  settings: EmulatorSettings,
): Promise<boolean> {
  const state = inspectPidFile(layout.daemonPidFile, SERVER_MARKER);
  if (state.kind === 'ours') return true;
  if (state.kind !== 'absent') {
    log.warn('Stale PID file found, cleaning up', { pid: state.pid ?? undefined });
    removePidFile(layout.daemonPidFile);
  }
  const address = hostPort(settings.host, settings.serverPort);
  if (!(await grpcDialReady(address, DIAL_TIMEOUT_MS))) return false;
  log.warn(
    "Daemon is running but PID file is missing - this may cause issues with 'stigmer server stop'",
    { endpoint: address },
  );
  return true;
}

/** daemon.go `GetStatus`: the pid in `daemon.pid` and whether it is alive (no dial). */
export function daemonStatus(layout: StigmerLayout): { running: boolean; pid: number } {
  const state = inspectPidFile(layout.daemonPidFile, SERVER_MARKER);
  return state.kind === 'ours' ? { running: true, pid: state.pid } : { running: false, pid: 0 };
}
