import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StigmerLayout } from '../layout.js';
import type { EmulatorSettings } from '../settings.js';

export type ComponentName = 'stigmer-server' | 'temporal' | 'workflow-runner' | 'agent-runner';

/** One process of the emulated stack and the files the real CLI keeps for it. */
export interface Component {
  name: ComponentName;
  /** Absolute path of the script the detached process runs (also how we recognise it). */
  script: string;
  pidFile(layout: StigmerLayout): string;
  /** Its gRPC port, or null (agent-runner in binary mode has none). */
  port(settings: EmulatorSettings): number | null;
}

const script = (name: ComponentName) =>
  fileURLToPath(new URL(`../components/${name}.js`, import.meta.url));

export const COMPONENTS: Readonly<Record<ComponentName, Component>> = {
  'stigmer-server': {
    name: 'stigmer-server',
    script: script('stigmer-server'),
    pidFile: (layout) => join(layout.dataDir, 'daemon.pid'),
    port: (settings) => settings.serverPort,
  },
  temporal: {
    name: 'temporal',
    script: script('temporal'),
    // Managed Temporal keeps its pid file one level up, beside its lock.
    pidFile: (layout) => join(layout.stigmerDir, 'temporal.pid'),
    port: (settings) => settings.temporalPort,
  },
  'workflow-runner': {
    name: 'workflow-runner',
    script: script('workflow-runner'),
    pidFile: (layout) => join(layout.dataDir, 'workflow-runner.pid'),
    port: (settings) => settings.workflowRunnerPort,
  },
  'agent-runner': {
    name: 'agent-runner',
    script: script('agent-runner'),
    pidFile: (layout) => join(layout.dataDir, 'agent-runner.pid'),
    port: () => null,
  },
};

/** Launch order: Temporal first (the server and runners talk to it), then the rest. */
export const START_ORDER: readonly ComponentName[] = [
  'temporal',
  'stigmer-server',
  'workflow-runner',
  'agent-runner',
];

/** The real CLI's stop order: runners, then Temporal, then stigmer-server. */
export const STOP_ORDER: readonly ComponentName[] = [
  'workflow-runner',
  'agent-runner',
  'temporal',
  'stigmer-server',
];

export function logFileOf(layout: StigmerLayout, name: ComponentName): string {
  return join(layout.logDir, `${name}.log`);
}

export function errFileOf(layout: StigmerLayout, name: ComponentName): string {
  return join(layout.logDir, `${name}.err`);
}
