import { readFileSync, rmSync } from 'node:fs';
import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { runCommand } from '../process/run-command.js';
import { AGENT_RUNNER_CONTAINER } from '../server/agent-runner.js';

/** `docker ps -aq -f name=^stigmer-agent-runner$` (`-q`: running only): its short id, or ''. */
export async function findAgentRunnerContainer({ runningOnly = false } = {}): Promise<string> {
  const all = runningOnly ? '-q' : '-aq';
  const ps = await runCommand('docker', ['ps', all, '-f', `name=^${AGENT_RUNNER_CONTAINER}$`]);
  return ps.code === 0 ? ps.stdout.trim() : '';
}

/**
 * daemon.go `stopAgentRunner`: the id from `agent-runner-container.id` (which nothing writes),
 * else found by name; `docker stop` (then `kill` if that fails), `docker rm`.
 */
export async function stopAgentRunner(layout: StigmerLayout): Promise<void> {
  let id = '';
  try {
    id = readFileSync(layout.cliContainerIdFile, 'utf8').trim();
  } catch {
    id = await findAgentRunnerContainer();
  }
  if (id === '') return;
  log.info('Stopping agent-runner container', { container_id: id.slice(0, 12) });
  if ((await runCommand('docker', ['stop', id])).code !== 0)
    await runCommand('docker', ['kill', id]);
  await runCommand('docker', ['rm', id]);
  rmSync(layout.cliContainerIdFile, { force: true });
}
