import { stigmerLayout } from '../layout.js';
import { canConnect } from '../net/tcp.js';
import type { PidFileState } from '../process/pid-file.js';
import { readSettings } from '../settings.js';
import { COMPONENTS, type ComponentName } from '../stack/components.js';
import { inspectStack } from '../stack/inspect-stack.js';
import { out } from './output.js';

const BLOCKS: readonly [ComponentName, string][] = [
  ['stigmer-server', 'Stigmer Server'],
  ['workflow-runner', 'Workflow Runner'],
  ['agent-runner', 'Agent Runner'],
];

/** `stigmer server status`: a human report. Exit code 0 whether or not anything runs. */
export async function serverStatus(): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  const state = inspectStack(layout);
  out('Stigmer Server Status:');
  out('─────────────────────────────────────');
  for (const [name, title] of BLOCKS) {
    const port = COMPONENTS[name].port(settings);
    out();
    out(`${title}:`);
    for (const line of await describe(state[name], settings.host, port)) out(`  ${line}`);
    if (name === 'stigmer-server' && state[name].kind === 'ours')
      out(`  Data:     ${layout.dataDir}`);
  }
  if (state['stigmer-server'].kind !== 'ours') {
    out();
    out('To start:');
    out('  stigmer server');
  }
  return 0;
}

async function describe(state: PidFileState, host: string, port: number | null): Promise<string[]> {
  if (state.kind !== 'ours') return ['Status: ✗ Stopped'];
  // A live process whose port does not accept yet is still starting.
  const up = port === null || (await canConnect(host, port));
  const lines = [up ? 'Status:   Running ✓' : 'Status:   Starting ↻', `PID:      ${state.pid}`];
  if (port !== null) lines.push(`Port:     ${port}`);
  return lines;
}
