import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger.js';
import { isAlive, isSameProcess, readProcessInfo } from '../process/identity.js';
import { CLI_PATH, WORKFLOW_RUNNER_MARKER } from '../process/markers.js';
import { writePidFile } from '../process/pid-file.js';
import { runCommand } from '../process/run-command.js';
import { signalOwn } from '../process/terminate.js';
import type { EmulatorSettings } from '../settings.js';
import { AGENT_RUNNER_CONTAINER, runAgentRunnerContainer } from './agent-runner.js';

/** The source's MaxRestarts. Each successful restart registers a fresh component, so it resets. */
const MAX_RESTARTS = 10;

type ComponentType = 'workflow-runner' | 'agent-runner';
interface Component {
  type: ComponentType;
  child: ChildProcess | null;
  pid: number;
  startTime: string;
  state: 'starting' | 'running' | 'unhealthy' | 'restarting' | 'failed';
  restarts: number;
}

export interface SupervisorConfig {
  dataDir: string;
  logDir: string;
  temporalAddr: string;
  serverPort: number;
  llmProvider: string;
  llmModel: string;
  llmBaseUrl: string;
  secrets: Record<string, string>;
}

/**
 * stigmer-server's component supervisor (backend/services/stigmer-server/pkg/supervisor):
 * starts workflow-runner, waits, starts the agent-runner container through `docker`, then
 * checks both every interval and restarts what died. Structure and quirks follow the source,
 * down to one check loop that a restart blocks.
 */
export class Supervisor {
  private readonly components = new Map<ComponentType, Component>();
  private monitor: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: SupervisorConfig,
    private readonly settings: EmulatorSettings,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.log.info('Starting component supervisor');
    try {
      await this.startWorkflowRunner();
    } catch (error) {
      throw new Error(`failed to start workflow-runner: ${(error as Error).message}`);
    }
    try {
      await this.startAgentRunner();
    } catch (error) {
      this.log.warn('Failed to start agent-runner (continuing without it)', {
        error: (error as Error).message,
      });
    }
    this.startHealthMonitoring();
    this.log.info('Component supervisor started successfully');
  }

  async stop(): Promise<void> {
    this.log.info('Stopping component supervisor');
    this.stopped = true;
    clearTimeout(this.monitor);
    for (const component of this.components.values()) await this.stopComponent(component);
    this.log.info('Component supervisor stopped');
  }

  private async startWorkflowRunner(): Promise<void> {
    this.log.info('Starting workflow-runner');
    const out = openSync(join(this.config.logDir, 'workflow-runner.log'), 'a');
    const child = spawn(process.execPath, [CLI_PATH, 'internal-workflow-runner'], {
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        EXECUTION_MODE: 'temporal',
        TEMPORAL_SERVICE_ADDRESS: this.config.temporalAddr,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_WORKFLOW_EXECUTION_RUNNER_TASK_QUEUE: 'workflow_execution_runner',
        TEMPORAL_ZIGFLOW_EXECUTION_TASK_QUEUE: 'zigflow_execution',
        TEMPORAL_WORKFLOW_VALIDATION_RUNNER_TASK_QUEUE: 'workflow_validation_runner',
        STIGMER_BACKEND_ENDPOINT: `localhost:${this.config.serverPort}`,
        STIGMER_API_KEY: 'dummy-local-key',
        STIGMER_SERVICE_USE_TLS: 'false',
        LOG_LEVEL: 'DEBUG',
        ENV: 'local',
      },
    });
    closeSync(out);
    child.once('error', () => {});
    if (child.pid === undefined) throw new Error('failed to start workflow-runner process');
    const pid = child.pid;
    const component: Component = {
      type: 'workflow-runner',
      child,
      pid,
      startTime: readProcessInfo(pid)?.startTime ?? '',
      state: 'starting',
      restarts: 0,
    };
    this.components.set('workflow-runner', component);
    writePidFile(join(this.config.dataDir, 'workflow-runner.pid'), pid, WORKFLOW_RUNNER_MARKER);
    this.log.info('Workflow-runner started', { pid });
    await sleep(this.settings.supervisorStartWaitMs);
    if (!isAlive(pid)) {
      component.state = 'failed';
      throw new Error('workflow-runner crashed immediately after startup');
    }
    component.state = 'running';
  }

  private async startAgentRunner(): Promise<void> {
    this.log.info('Starting agent-runner');
    const containerId = await runAgentRunnerContainer(this.config, this.log);
    this.components.set('agent-runner', {
      type: 'agent-runner',
      child: null,
      pid: 0,
      startTime: '',
      state: 'running',
      restarts: 0,
    });
    writeFileSync(join(this.config.dataDir, 'agent-runner.containerid'), containerId);
    this.log.info('Agent-runner started', { container_id: containerId.slice(0, 12) });
  }

  private startHealthMonitoring(): void {
    const interval = this.settings.healthCheckIntervalMs;
    const tick = async () => {
      await this.checkAllComponents();
      if (!this.stopped) this.monitor = setTimeout(tick, interval);
    };
    this.monitor = setTimeout(tick, interval);
    this.log.info('Health monitoring started', { interval: `${interval}ms` });
  }

  private async checkAllComponents(): Promise<void> {
    for (const component of [...this.components.values()]) {
      if (this.stopped || component.state === 'failed') continue;
      if (!(await this.isHealthy(component))) {
        this.log.warn('Component unhealthy, attempting restart', { component: component.type });
        component.state = 'unhealthy';
        await this.restartComponent(component);
      }
    }
  }

  private async isHealthy(component: Component): Promise<boolean> {
    // The source's check (alive, not a zombie), bound to the start time so a reused pid is dead.
    if (component.type === 'workflow-runner')
      return isSameProcess(component.pid, component.startTime);
    const inspect = await runCommand('docker', [
      'inspect',
      '-f',
      '{{.State.Running}}',
      AGENT_RUNNER_CONTAINER,
    ]);
    return inspect.code === 0 && inspect.stdout.trim() === 'true';
  }

  private async restartComponent(component: Component): Promise<void> {
    if (component.restarts >= MAX_RESTARTS) {
      component.state = 'failed';
      this.log.error('Component exceeded max restarts, giving up', {
        component: component.type,
        restarts: component.restarts,
      });
      return;
    }
    component.state = 'restarting';
    component.restarts++;
    this.log.info('Restarting component', {
      component: component.type,
      restart_count: component.restarts,
    });
    await this.stopComponent(component);
    await sleep(this.settings.restartDelayMs);
    // A shutdown during the pause ends the restart: a component started after the supervisor
    // stopped would outlive the stack (seen: a container re-created after "supervisor stopped").
    if (this.stopped) return;
    try {
      if (component.type === 'workflow-runner') await this.startWorkflowRunner();
      else await this.startAgentRunner();
    } catch (error) {
      component.state = 'failed';
      this.log.error('Failed to restart component', {
        component: component.type,
        error: (error as Error).message,
      });
    }
  }

  private async stopComponent(component: Component): Promise<void> {
    if (component.type === 'workflow-runner') {
      // The source sends SIGINT, sleeps 2 s and kills, whether or not it is still there.
      const own = { pid: component.pid, startTime: component.startTime };
      signalOwn(own, 'SIGINT');
      await sleep(this.settings.supervisorStopWaitMs);
      signalOwn(own, 'SIGKILL');
      return;
    }
    await runCommand('docker', ['stop', AGENT_RUNNER_CONTAINER]);
    await runCommand('docker', ['rm', AGENT_RUNNER_CONTAINER]);
  }
}
