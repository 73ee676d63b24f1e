import type { Component } from '../profile/profile.js';
import { probeCost } from './backoff.js';
import { readPidFile } from './pid-file.js';
import { DEFAULT_PROBE_TIMEOUT_MS, type ProbeOptions } from './probe-result.js';
import { probeAddress, runProbe } from './run-probe.js';

/** One component as reported to users and tests. */
export interface ComponentStatus {
  readonly name: string;
  readonly required: boolean;
  readonly ready: boolean;
  /** "host:port" when the component is reached over the network. */
  readonly address: string | null;
  readonly detail: string;
  /**
   * The probe answers, but the component's pid file names no live process: something else
   * holds its port. Never mistaken for the stack.
   */
  readonly foreign: boolean;
}

export async function probeComponent(
  component: Component,
  options?: ProbeOptions,
): Promise<ComponentStatus> {
  const [result, pid] = await Promise.all([
    runProbe(component.probe, options ?? { timeoutMs: DEFAULT_PROBE_TIMEOUT_MS }),
    component.pidFile ? readPidFile(component.pidFile) : null,
  ]);
  const address = probeAddress(component.probe);
  const base = { name: component.name, required: component.required, address };
  if (result.ready && pid?.kind === 'unknown') {
    // Cannot tell whether the process behind the port is the component: not ready yet (the
    // next poll asks again), and not called foreign either.
    const detail = `${address ?? 'the probe'} answers, but pid ${pid.pid} could not be checked: ${pid.reason}`;
    return { ...base, ready: false, foreign: false, detail };
  }
  if (result.ready && pid && pid.kind !== 'alive') {
    const why =
      pid.kind === 'missing'
        ? 'there is no pid file'
        : pid.kind === 'dead'
          ? `its pid ${pid.pid} is dead`
          : 'its pid file is unreadable';
    return {
      ...base,
      ready: false,
      foreign: true,
      detail: `${address ?? 'the probe'} answers, but ${why} (${component.pidFile}): another program holds it, not ${component.name}`,
    };
  }
  return { ...base, ready: result.ready, foreign: false, detail: result.detail };
}

/**
 * Probes every component. `spareOptional`: an optional component whose probe spawns a process
 * (`docker inspect` for Stigmer's agent-runner: tens of ms, the whole of a warm ensure) is not
 * probed and says so; the decision never depends on it, and `status` and every wait probe it.
 */
export function probeAll(
  components: readonly Component[],
  { spareOptional = false } = {},
): Promise<ComponentStatus[]> {
  return Promise.all(
    components.map((c) =>
      spareOptional && !c.required && probeCost(c.probe) === 'spawn'
        ? Promise.resolve(notChecked(c))
        : probeComponent(c),
    ),
  );
}

function notChecked(component: Component): ComponentStatus {
  return {
    name: component.name,
    required: false,
    ready: false,
    address: probeAddress(component.probe),
    detail: 'not checked (`stigmer-e2e status` checks it)',
    foreign: false,
  };
}

/** "temporal (NOT_SERVING), workflow-runner (pid 12 is dead)" */
export function describeNotReady(statuses: readonly ComponentStatus[]): string {
  return statuses
    .filter((s) => s.required && !s.ready)
    .map((s) => `${s.name} (${s.detail})`)
    .join(', ');
}
