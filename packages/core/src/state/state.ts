/** What a profile's state dir records: the leases on the stack and who started it. */
import type { ProcessRef } from '../process/identity.js';

export interface Lease {
  readonly id: string;
  readonly createdAt: number;
  /** The process this lease lives and dies with; null for an explicit lease (released by id). */
  readonly holder: ProcessRef | null;
  /** Explicit leases only: dead after this time (epoch ms), so a crashed CI job cannot pin the stack. */
  readonly expiresAt: number | null;
  /** Who holds it, for humans: "stigmer-e2e run", "vitest", "GitHub job 123/e2e". */
  readonly label: string;
}

/** A process recorded from a component's pid file when we started the stack. */
export interface IdentityEntry extends ProcessRef {
  readonly component: string;
}

export interface Ownership {
  /** The lease that owns the stack now (its holder may have died: then the stack is adopted). */
  readonly leaseId: string;
  readonly phase: 'starting' | 'running';
  readonly mode: 'daemon' | 'process';
  readonly startedAt: number;
  /**
   * Put in the start command's environment and inherited by everything it starts: the proof
   * that a process is ours. Recorded before the launch, so a run killed right after launching
   * leaves enough to find and stop what it launched. (Absent in state written by 0.1.)
   */
  readonly launchId?: string;
  /** process mode: the server (leader of its own group). daemon mode: the start command. */
  readonly process: ProcessRef | null;
  /** The processes the components' pid files named once the stack was ready, each proven ours. */
  readonly identity: readonly IdentityEntry[];
  /** The watchdog that stops the stack if every holder dies without releasing (null: none). */
  readonly watchdog?: ProcessRef | null;
  /** How the start went, once ready: for `status --timeline` and the job summary. */
  readonly timeline?: Timeline;
}

/** A start, in epoch ms: launched, its start command returned, each component seen ready. */
export interface Timeline {
  readonly launchedAt: number;
  readonly returnedAt: number | null;
  readonly components: Readonly<Record<string, number>>;
  readonly readyAt: number;
}

export interface State {
  readonly version: 1;
  readonly owner: Ownership | null;
  readonly leases: readonly Lease[];
  /** Why the last start failed, so runs that were waiting for it can say why at once. */
  readonly lastFailure: { readonly at: number; readonly reason: string } | null;
}

export const EMPTY_STATE: State = { version: 1, owner: null, leases: [], lastFailure: null };

const isRef = (v: unknown): v is ProcessRef =>
  typeof v === 'object' &&
  v !== null &&
  Number.isInteger((v as ProcessRef).pid) &&
  typeof (v as ProcessRef).startTime === 'string';

const isLease = (v: unknown): v is Lease => {
  const l = v as Lease;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof l.id === 'string' &&
    typeof l.createdAt === 'number' &&
    (l.holder === null || isRef(l.holder)) &&
    (l.expiresAt === null || typeof l.expiresAt === 'number') &&
    typeof l.label === 'string'
  );
};

const isOwnership = (v: unknown): v is Ownership => {
  const o = v as Ownership;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof o.leaseId === 'string' &&
    (o.phase === 'starting' || o.phase === 'running') &&
    (o.mode === 'daemon' || o.mode === 'process') &&
    typeof o.startedAt === 'number' &&
    (o.launchId === undefined || typeof o.launchId === 'string') &&
    (o.process === null || isRef(o.process)) &&
    (o.watchdog === undefined || o.watchdog === null || isRef(o.watchdog)) &&
    (o.timeline === undefined || (typeof o.timeline === 'object' && o.timeline !== null)) &&
    Array.isArray(o.identity) &&
    o.identity.every((e: unknown) => isRef(e) && typeof (e as IdentityEntry).component === 'string')
  );
};

/** Checks the shape of parsed state; a hand-edited or foreign file is treated as corrupt. */
export function isState(value: unknown): value is State {
  const s = value as State;
  return (
    typeof value === 'object' &&
    value !== null &&
    s.version === 1 &&
    (s.owner === null || isOwnership(s.owner)) &&
    Array.isArray(s.leases) &&
    s.leases.every(isLease) &&
    (s.lastFailure === null ||
      (typeof s.lastFailure?.reason === 'string' && typeof s.lastFailure.at === 'number'))
  );
}
