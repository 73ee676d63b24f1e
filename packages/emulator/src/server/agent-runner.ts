import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/logger.js';
import { runCommand } from '../process/run-command.js';
import type { SupervisorConfig } from './supervisor.js';

export const AGENT_RUNNER_CONTAINER = 'stigmer-agent-runner';
const AGENT_RUNNER_IMAGE = 'ghcr.io/stigmer/agent-runner:latest';

/**
 * The supervisor's `startAgentRunner`, its Docker part: `docker version`, the image pulled if
 * `docker images -q` has none, then `docker run -d --name stigmer-agent-runner --restart
 * unless-stopped` with the LLM settings and keys as `-e`. Returns the container id. (No
 * `docker rm -f` first: a leftover container with that name makes the run fail.)
 */
export async function runAgentRunnerContainer(
  config: SupervisorConfig,
  log: Logger,
): Promise<string> {
  if ((await runCommand('docker', ['version'])).code !== 0)
    throw new Error('Docker is not available');
  const images = await runCommand('docker', ['images', '-q', AGENT_RUNNER_IMAGE]);
  if (images.code !== 0)
    throw new Error(`failed to ensure Docker image: exit status ${images.code}`);
  if (images.stdout.length === 0) {
    log.info('Agent-runner image not found locally, pulling...');
    const pulled = await runCommand('docker', ['pull', AGENT_RUNNER_IMAGE]);
    if (pulled.code !== 0) {
      throw new Error(
        `failed to ensure Docker image: failed to pull agent-runner image: exit status ${pulled.code}`,
      );
    }
  }
  const workspace = join(config.dataDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const env = [
    'MODE=local',
    `STIGMER_BACKEND_ENDPOINT=localhost:${config.serverPort}`,
    `TEMPORAL_SERVICE_ADDRESS=${config.temporalAddr}`,
    'TEMPORAL_NAMESPACE=default',
    'TASK_QUEUE=agent_execution_runner',
    'SANDBOX_TYPE=filesystem',
    'WORKSPACE_ROOT=/workspace',
    'LOG_LEVEL=DEBUG',
    `STIGMER_LLM_PROVIDER=${config.llmProvider}`,
    `STIGMER_LLM_MODEL=${config.llmModel}`,
    `STIGMER_LLM_BASE_URL=${config.llmBaseUrl}`,
    `OLLAMA_BASE_URL=${config.llmBaseUrl}`,
    ...Object.entries(config.secrets).map(([key, value]) => `${key}=${value}`),
  ];
  const args = ['run', '-d', '--name', AGENT_RUNNER_CONTAINER, '--restart', 'unless-stopped'];
  if (process.platform === 'linux') args.push('--network', 'host');
  for (const pair of env) args.push('-e', pair);
  args.push('-v', `${workspace}:/workspace`, '-v', `${config.logDir}:/logs`, AGENT_RUNNER_IMAGE);
  const run = await runCommand('docker', args);
  if (run.code !== 0) {
    throw new Error(
      `failed to start agent-runner container: exit status ${run.code}: ${run.stdout}${run.stderr}`,
    );
  }
  return run.stdout.trim();
}
