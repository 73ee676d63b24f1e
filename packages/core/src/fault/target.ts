/**
 * What a fault hits: a component's process or its Docker container, found the way the stack's
 * own identity is (a pid file, the process listening on the component's port, the container its
 * probe names), and proven to be the stack's before any signal. A process is the stack's when it
 * carries our launch id or was recorded at start; a container when it was created after our
 * start (the stack's supervisor re-creates it under a new id: still ours).
 */
import { readPidFile } from '../probe/pid-file.js';
import { probeAddress } from '../probe/run-probe.js';
import { inspectPid, type ProcessRef } from '../process/identity.js';
import { portOwner } from '../process/port-owner.js';
import { runBounded } from '../process/run-bounded.js';
import { type Component, componentPidFile } from '../profile/profile.js';
import { isOurs } from '../stack/identity.js';
import type { Ownership } from '../state/state.js';
import { isStopped } from './process-state.js';

export interface ProcessTarget {
  readonly kind: 'process';
  readonly component: string;
  readonly pid: number;
  readonly startTime: string;
  /** How it was found: "pid file /x/workflow-runner.pid", "listener on localhost:7233". */
  readonly foundBy: string;
}

export type FaultTarget =
  | ProcessTarget
  | {
      readonly kind: 'container';
      readonly component: string;
      readonly container: string;
      readonly id: string;
      /** The container's start (Docker's `.State.StartedAt`): a restart changes it. */
      readonly startedAt: string;
      readonly created: string;
    };

/** A component now: up, paused (SIGSTOP or `docker pause`), or down, with what was seen. */
export interface Observation {
  readonly state: 'up' | 'paused' | 'down';
  readonly target: FaultTarget | null;
  readonly detail: string;
}

const DOCKER_TIMEOUT_MS = 10_000;
/** A container created this long before our start (clock of a Docker VM) is still ours. */
const CLOCK_SKEW_MS = 5_000;

/** The same process or container (a restart makes another one). */
export function sameTarget(a: FaultTarget | null, b: FaultTarget | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'process' && b.kind === 'process')
    return a.pid === b.pid && a.startTime === b.startTime;
  return (
    a.kind === 'container' && b.kind === 'container' && a.id === b.id && a.startedAt === b.startedAt
  );
}

export function describeTarget(target: FaultTarget): string {
  return target.kind === 'process'
    ? `pid ${target.pid} (${target.foundBy})`
    : `container ${target.container} (${target.id.slice(0, 12)})`;
}

/** Finds the component's process or container now. Never throws. */
export async function observe(component: Component): Promise<Observation> {
  const probe = component.probe;
  if ('docker' in probe) return observeContainer(component.name, probe.docker);
  const file = componentPidFile(component);
  if (file) {
    const read = await readPidFile(file);
    if (read.kind !== 'alive')
      return { state: 'down', target: null, detail: describePidFile(file, read.kind) };
    return observed(processTarget(component.name, read.process, `pid file ${file}`));
  }
  const address = probeAddress(probe);
  const port = address ? Number(address.slice(address.lastIndexOf(':') + 1)) : Number.NaN;
  if (!address || !Number.isInteger(port))
    return {
      state: 'down',
      target: null,
      detail: `${component.name} has no pid file, port or container to find its process by`,
    };
  const owner = await portOwner(port);
  if (!owner) return { state: 'down', target: null, detail: `nothing listens on ${address}` };
  const found = await inspectPid(owner.pid);
  if (found.state !== 'alive')
    return { state: 'down', target: null, detail: `the listener on ${address} is gone` };
  return observed(processTarget(component.name, found.ref, `listener on ${address}`));
}

const processTarget = (component: string, ref: ProcessRef, foundBy: string): ProcessTarget => ({
  kind: 'process',
  component,
  pid: ref.pid,
  startTime: ref.startTime,
  foundBy,
});

async function observed(target: ProcessTarget): Promise<Observation> {
  const stopped = await isStopped(target);
  return {
    state: stopped ? 'paused' : 'up',
    target,
    detail: `${describeTarget(target)} ${stopped ? 'is stopped (SIGSTOP)' : 'runs'}`,
  };
}

function describePidFile(file: string, kind: string): string {
  if (kind === 'missing') return `no pid file at ${file}`;
  if (kind === 'dead') return `the pid in ${file} is dead`;
  return `${file} names no live process (${kind})`;
}

async function observeContainer(component: string, container: string): Promise<Observation> {
  const result = await runBounded(
    [
      'docker',
      'inspect',
      '--format',
      '{{.Id}}|{{.State.Running}}|{{.State.Paused}}|{{.State.StartedAt}}|{{.Created}}',
      container,
    ],
    { timeoutMs: DOCKER_TIMEOUT_MS },
  );
  if (result.exitCode !== 0) {
    const why = /no such (object|container)/i.test(result.stderr)
      ? `no container named ${container}`
      : `docker inspect ${container} failed: ${result.spawnError ?? (result.stderr.trim().split('\n')[0] || `exit ${result.exitCode}`)}`;
    return { state: 'down', target: null, detail: why };
  }
  const [id = '', running, paused, startedAt = '', created = ''] = result.stdout.trim().split('|');
  const target: FaultTarget = { kind: 'container', component, container, id, startedAt, created };
  if (running !== 'true')
    return { state: 'down', target, detail: `container ${container} is not running` };
  return paused === 'true'
    ? { state: 'paused', target, detail: `container ${container} is paused` }
    : { state: 'up', target, detail: `container ${container} running` };
}

/** Is what was found the stack's own (see the file's comment)? */
export async function isStackOwn(owner: Ownership, target: FaultTarget): Promise<boolean> {
  if (target.kind === 'process') return isOurs(owner, target);
  const created = Date.parse(target.created);
  return Number.isFinite(created) && created >= owner.startedAt - CLOCK_SKEW_MS;
}
