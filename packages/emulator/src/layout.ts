import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the real CLI keeps its files under a home directory (the reference page, "Layout"). */
export interface StigmerLayout {
  home: string;
  /** `~/.stigmer` */
  stigmerDir: string;
  /** `~/.stigmer/config.yaml`, created on first start. */
  configFile: string;
  /** `~/.stigmer/data`: daemon.pid, workflow-runner.pid, agent-runner.containerid. */
  dataDir: string;
  /** `~/.stigmer/data/logs`: stigmer-server.log and workflow-runner.log (no `.err` twins). */
  logDir: string;
  /** `~/.stigmer/data/daemon.pid`: stigmer-server's pid, no newline. */
  daemonPidFile: string;
  /** `~/.stigmer/data/workflow-runner.pid`, rewritten by each supervisor restart. */
  workflowRunnerPidFile: string;
  /** `~/.stigmer/data/agent-runner.containerid`: what the supervisor writes. */
  containerIdFile: string;
  /** `~/.stigmer/data/agent-runner-container.id`: what the CLI reads (and nothing writes). */
  cliContainerIdFile: string;
  /** `~/.stigmer/bin`: temporal and ollama, downloaded on first use. */
  binDir: string;
  /** `~/.stigmer/logs`: temporal.log and llm.log. */
  userLogDir: string;
  /** `~/.stigmer/temporal.pid`: three lines (pid, `temporal`, a Unix timestamp). */
  temporalPidFile: string;
  /** `~/.stigmer/temporal.lock`: held by the CLI process that started Temporal. */
  temporalLockFile: string;
  temporalLogFile: string;
  /** `~/.stigmer/temporal-data/temporal.db` (source: temporal/manager.go). */
  temporalDbFile: string;
  /** `~/.stigmer/llm.pid`: the Ollama server the CLI started. */
  llmPidFile: string;
  llmLogFile: string;
  /** `~/.ollama/models`: Ollama's own model store. */
  ollamaModelsDir: string;
}

/** The layout under `home`; defaults to `os.homedir()`, which honours the HOME variable. */
export function stigmerLayout(home: string = homedir()): StigmerLayout {
  const stigmerDir = join(home, '.stigmer');
  const dataDir = join(stigmerDir, 'data');
  const userLogDir = join(stigmerDir, 'logs');
  return {
    home,
    stigmerDir,
    configFile: join(stigmerDir, 'config.yaml'),
    dataDir,
    logDir: join(dataDir, 'logs'),
    daemonPidFile: join(dataDir, 'daemon.pid'),
    workflowRunnerPidFile: join(dataDir, 'workflow-runner.pid'),
    containerIdFile: join(dataDir, 'agent-runner.containerid'),
    cliContainerIdFile: join(dataDir, 'agent-runner-container.id'),
    binDir: join(stigmerDir, 'bin'),
    userLogDir,
    temporalPidFile: join(stigmerDir, 'temporal.pid'),
    temporalLockFile: join(stigmerDir, 'temporal.lock'),
    temporalLogFile: join(userLogDir, 'temporal.log'),
    temporalDbFile: join(stigmerDir, 'temporal-data', 'temporal.db'),
    llmPidFile: join(stigmerDir, 'llm.pid'),
    llmLogFile: join(userLogDir, 'llm.log'),
    ollamaModelsDir: join(home, '.ollama', 'models'),
  };
}
