import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config/config-file.js';
import { isTemporalManaged } from '../config/resolve.js';
import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { emulatorProcesses } from '../process/emulator-processes.js';
import { isSameProcess } from '../process/identity.js';
import { listenerAmong } from '../process/listener-pid.js';
import { SERVER_MARKER, WORKFLOW_RUNNER_MARKER } from '../process/markers.js';
import { inspectPidFile, readPid, removePidFile } from '../process/pid-file.js';
import { type OwnProcess, pollsFor, pollUntil, signalOwn } from '../process/terminate.js';
import type { EmulatorSettings } from '../settings.js';
import { TemporalManager } from '../temporal/manager.js';
import { stopAgentRunner } from './docker-container.js';
import { isDaemonRunning } from './is-running.js';

/** The real waits: workflow-runner 10 x 500 ms, stigmer-server 20 x 500 ms. */
const WORKFLOW_RUNNER_WAIT_MS = 5_000;
const SERVER_WAIT_MS = 10_000;

/**
 * daemon.go `Stop`: workflow-runner, the agent-runner container, managed Temporal (only when
 * its lock is held: not after a normal start, whose CLI has exited), then stigmer-server.
 * Ollama is never stopped. Throws when stigmer-server is not running or cannot be signalled.
 */
export async function stopDaemon(layout: StigmerLayout, settings: EmulatorSettings): Promise<void> {
  await stopWorkflowRunner(layout, settings);
  await stopAgentRunner(layout);
  await stopManagedTemporal(layout, settings);

  let server: OwnProcess;
  const state = inspectPidFile(layout.daemonPidFile, SERVER_MARKER);
  if (state.kind === 'ours') server = state;
  else if (readPid(layout.daemonPidFile) !== null) {
    removePidFile(layout.daemonPidFile);
    throw new Error('daemon is not running');
  } else {
    log.warn('PID file not found, searching for process by port');
    const found = listenerAmong(settings.serverPort, emulatorProcesses(layout.home));
    if (found === null) {
      throw new Error(
        'daemon is not running (no PID file and no process on port): failed to find process on port',
      );
    }
    server = found;
  }
  signalOwn(server, 'SIGTERM');
  log.info('Sent SIGTERM to daemon', { pid: server.pid });
  const polls = pollsFor(settings.stopTimeoutMs ?? SERVER_WAIT_MS);
  for (let i = 0; i < polls; i++) {
    if (!(await isDaemonRunning(layout, settings))) {
      removePidFile(layout.daemonPidFile);
      log.info('Daemon stopped successfully');
      return;
    }
    await sleep(500);
  }
  log.warn('Daemon did not stop gracefully, force killing');
  if (!signalOwn(server, 'SIGKILL') && isSameProcess(server.pid, server.startTime)) {
    throw new Error('failed to kill daemon process');
  }
  removePidFile(layout.daemonPidFile);
}

async function stopWorkflowRunner(
  layout: StigmerLayout,
  settings: EmulatorSettings,
): Promise<void> {
  const file = layout.workflowRunnerPidFile;
  const state = inspectPidFile(file, WORKFLOW_RUNNER_MARKER);
  if (state.kind === 'absent') return;
  if (state.kind !== 'ours') {
    if (state.kind === 'foreign')
      log.warn('workflow-runner.pid names a process the emulator did not start; not signalled', {
        pid: state.pid,
      });
    removePidFile(file);
    return;
  }
  signalOwn(state, 'SIGTERM');
  log.info('Sent SIGTERM to workflow-runner', { pid: state.pid });
  const gone = () => !isSameProcess(state.pid, state.startTime);
  if (!(await pollUntil(gone, pollsFor(settings.stopTimeoutMs ?? WORKFLOW_RUNNER_WAIT_MS)))) {
    log.warn('Workflow-runner did not stop gracefully, force killing');
    signalOwn(state, 'SIGKILL');
    await sleep(500);
  }
  removePidFile(file);
}

async function stopManagedTemporal(
  layout: StigmerLayout,
  settings: EmulatorSettings,
): Promise<void> {
  let managed = true;
  try {
    managed = isTemporalManaged(loadConfig(layout, settings));
  } catch {
    // the real one falls back to the default config: managed
  }
  const temporal = new TemporalManager(layout, settings);
  if (!managed || !(await temporal.isRunning())) return;
  log.info('Stopping managed Temporal...');
  await temporal
    .stop()
    .catch((error: unknown) => log.error('Failed to stop Temporal', { error: String(error) }));
}
