import type { StigmerLayout } from '../layout.js';
import { inspectPidFile, type PidFileState } from '../process/pid-file.js';
import { COMPONENTS, type ComponentName, STOP_ORDER } from './components.js';

export type StackState = Record<ComponentName, PidFileState>;

/** The pid-file state of every component. */
export function inspectStack(layout: StigmerLayout): StackState {
  const state = {} as StackState;
  for (const name of STOP_ORDER) {
    const component = COMPONENTS[name];
    state[name] = inspectPidFile(component.pidFile(layout), component.script);
  }
  return state;
}

/** The real CLI calls the stack running when stigmer-server (the daemon) is. */
export function isServerRunning(state: StackState): boolean {
  return state['stigmer-server'].kind === 'ours';
}

export function anyComponentRunning(state: StackState): boolean {
  return Object.values(state).some((s) => s.kind === 'ours');
}
