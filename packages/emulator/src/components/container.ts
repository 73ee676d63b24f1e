/**
 * The process inside an emulated container (`container.js IMAGE [CMD...]`). For Stigmer's
 * agent-runner image it logs what the real worker logs at start (never a secret's value) and
 * runs until stopped; any other image just runs until stopped.
 */

import { createLogger } from '../log/logger.js';
import { readSettings } from '../settings.js';
import { handleTermination, keepAlive } from './lifecycle.js';

const [image = ''] = process.argv.slice(2);
const env = process.env;
const line = (text: string) => process.stdout.write(`${new Date().toISOString()} INFO ${text}\n`);
const log = createLogger(undefined, (text) => process.stdout.write(text));
handleTermination(readSettings(), log, () => {
  line('Received SIGTERM, shutting down worker');
  return 0;
});
keepAlive();

if (image.includes('stigmer/agent-runner')) {
  line(`agent-runner starting (mode=${env.MODE ?? 'local'}, image ${image})`);
  line(
    `Temporal ${env.TEMPORAL_SERVICE_ADDRESS ?? '(unset)'} namespace ${env.TEMPORAL_NAMESPACE ?? 'default'} task queue ${env.TASK_QUEUE ?? 'agent_execution_runner'}`,
  );
  line(`Stigmer backend ${env.STIGMER_BACKEND_ENDPOINT ?? '(unset)'}`);
  line(
    `LLM provider=${env.STIGMER_LLM_PROVIDER ?? ''} model=${env.STIGMER_LLM_MODEL ?? ''} base_url=${env.STIGMER_LLM_BASE_URL ?? ''}`,
  );
  for (const key of ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY']) {
    line(`${key} ${env[key] ? 'is set' : 'is not set'}`);
  }
  line('Worker started, polling for agent executions');
}
