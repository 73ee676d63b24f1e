import { existsSync, readFileSync } from 'node:fs';
import { daemonStatus } from '../daemon/is-running.js';
import { stigmerLayout } from '../layout.js';
import { WORKFLOW_RUNNER_MARKER } from '../process/markers.js';
import { inspectPidFile, readPid } from '../process/pid-file.js';
import { runCommand } from '../process/run-command.js';
import { readSettings } from '../settings.js';
import { showLlmStatus } from './llm-status.js';
import { info, out, warning } from './output.js';

/**
 * `stigmer server status` (root/server.go `handleServerStatus`): running means `daemon.pid`
 * is alive. The agent-runner block appears only if `agent-runner-container.id` exists, which
 * nothing writes. Exit code 0 whether or not anything runs.
 */
export async function serverStatus(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  const { running, pid } = daemonStatus(layout);
  out('Stigmer Server Status:');
  out('─────────────────────────────────────');
  if (!running) {
    warning('  Status: ✗ Stopped');
    info('');
    info('To start:');
    info('  stigmer server');
    return 0;
  }
  component('Stigmer Server', true, pid);
  const workflowRunner = readPid(layout.workflowRunnerPidFile);
  if (workflowRunner !== null) {
    const alive =
      inspectPidFile(layout.workflowRunnerPidFile, WORKFLOW_RUNNER_MARKER).kind === 'ours';
    component('Workflow Runner', alive, workflowRunner);
  }
  if (existsSync(layout.cliContainerIdFile)) {
    const id = readFileSync(layout.cliContainerIdFile, 'utf8').trim();
    const inspect = await runCommand('docker', ['inspect', '-f', '{{.State.Running}}', id]);
    out('\nAgent Runner (Docker):');
    info(`  Status:   ${inspect.stdout.trim() === 'true' ? 'Running ✓' : 'Unhealthy ✗'}`);
    info(`  Container: ${id.slice(0, 12)}`);
    info('  Restarts: 0');
  }
  info('');
  info('Server Details:');
  info(`  Port:   ${settings.serverPort}`);
  info(`  Data:   ${layout.dataDir}`);
  info('');
  await showLlmStatus(layout, settings);
  info('');
  info('Web UI:');
  info('  Temporal:  http://localhost:8233');
  return 0;
}

function component(name: string, running: boolean, pid: number): void {
  out(`\n${name}:`);
  info(`  Status:   ${running ? 'Running ✓' : 'Unhealthy ✗'}`);
  info(`  PID:      ${pid}`);
  info('  Restarts: 0');
}
