import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config/config-file.js';
import { isTemporalManaged } from '../config/resolve.js';
import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { isSameProcess } from '../process/identity.js';
import { SERVER_MARKER, WORKFLOW_RUNNER_MARKER } from '../process/markers.js';
import { inspectPidFile, removePidFile } from '../process/pid-file.js';
import { runCommand } from '../process/run-command.js';
import { signalOwn } from '../process/terminate.js';
import type { EmulatorSettings } from '../settings.js';
import { TemporalManager } from '../temporal/manager.js';
import { findAgentRunnerContainer } from './docker-container.js';

/**
 * daemon.go `cleanupOrphanedProcesses`, run first by every start: any live pid in daemon.pid
 * and workflow-runner.pid gets SIGTERM, 500 ms, SIGKILL, 500 ms; the agent-runner container is
 * stopped and removed; a managed Temporal whose lock is held is stopped. The real one signals
 * whatever pid the files name; the emulator only the processes it started (identity files).
 */
export async function cleanupOrphanedProcesses(
  layout: StigmerLayout,
  settings: EmulatorSettings,
): Promise<void> {
  const pidFiles = [
    ['stigmer-server', layout.daemonPidFile, SERVER_MARKER],
    ['workflow-runner', layout.workflowRunnerPidFile, WORKFLOW_RUNNER_MARKER],
  ] as const;
  for (const [name, file, marker] of pidFiles) {
    const state = inspectPidFile(file, marker);
    if (state.kind === 'absent') continue;
    if (state.kind === 'foreign') {
      log.warn('Pid file names a process the emulator did not start; not signalled', {
        component: name,
        pid: state.pid,
        reason: state.reason,
      });
    }
    if (state.kind === 'ours') {
      log.warn('Found orphaned process from previous run, killing', {
        component: name,
        pid: state.pid,
      });
      signalOwn(state, 'SIGTERM');
      await sleep(500);
      if (isSameProcess(state.pid, state.startTime)) {
        signalOwn(state, 'SIGKILL');
        await sleep(500);
      }
    }
    removePidFile(file);
  }
  const container = await findAgentRunnerContainer();
  if (container !== '') {
    log.warn('Found orphaned agent-runner container from previous run, removing', {
      container_id: container.slice(0, 12),
    });
    await runCommand('docker', ['stop', container]);
    await runCommand('docker', ['rm', container]);
    rmSync(layout.cliContainerIdFile, { force: true });
  }
  let managed: boolean;
  try {
    managed = isTemporalManaged(loadConfig(layout, settings));
  } catch {
    managed = false; // the real one skips Temporal when the config does not load
  }
  const temporal = new TemporalManager(layout, settings);
  if (managed && (await temporal.isRunning())) {
    log.warn('Found orphaned Temporal server from previous run, stopping');
    await temporal.stop().catch(() => {});
  }
}
