import { fileURLToPath } from 'node:url';

/**
 * The emulated `stigmer` binary (dist/cli.js) and what the command lines of the processes it
 * spawns contain, BusyBox style as the real CLI: `stigmer internal-server`, `stigmer
 * internal-workflow-runner`. Pid-file identity checks match on these.
 */
export const CLI_PATH = fileURLToPath(new URL('../cli.js', import.meta.url));
export const SERVER_MARKER = `${CLI_PATH} internal-server`;
export const WORKFLOW_RUNNER_MARKER = `${CLI_PATH} internal-workflow-runner`;
