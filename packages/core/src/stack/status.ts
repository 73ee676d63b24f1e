import { type ComponentStatus, probeAll } from '../probe/component-status.js';
import { type Profile, toProfile } from '../profile/profile.js';
import type { ServerSpec } from '../profile/spec.js';
import { stigmer } from '../profile/stigmer.js';
import { isLeaseAlive } from '../state/leases.js';
import type { Lease, Ownership, State } from '../state/state.js';
import { readState } from '../state/state-file.js';

export interface StatusReport {
  readonly profile: string;
  /** Every required component is ready. */
  readonly available: boolean;
  readonly components: readonly ComponentStatus[];
  /** Present when stigmer-e2e started the stack; `leaseAlive` tells whether its owner still runs. */
  readonly owner: (Ownership & { readonly leaseAlive: boolean }) | null;
  readonly leases: ReadonlyArray<Lease & { readonly alive: boolean }>;
  readonly lastFailure: State['lastFailure'];
  readonly stateDir: string | null;
  /** Set when the state file was corrupt (it is moved aside on the next ensure or release). */
  readonly warning: string | null;
}

/** What runs, who uses it and who started it. Read-only: takes no lock and changes nothing. */
export async function serverStatus(
  profile: Profile | ServerSpec = stigmer(),
): Promise<StatusReport> {
  const resolved = await toProfile(profile);
  const components = await probeAll(resolved.components);
  const base = {
    profile: resolved.name,
    available: components.every((c) => !c.required || c.ready),
    components,
  };
  if (!resolved.start)
    return { ...base, owner: null, leases: [], lastFailure: null, stateDir: null, warning: null };
  const { state, warning } = await readState(resolved.stateDir, { repair: false });
  const leases = await Promise.all(
    state.leases.map(async (l) => ({ ...l, alive: await isLeaseAlive(l) })),
  );
  const owner = state.owner
    ? { ...state.owner, leaseAlive: leases.some((l) => l.id === state.owner!.leaseId && l.alive) }
    : null;
  return {
    ...base,
    owner,
    leases,
    lastFailure: state.lastFailure,
    stateDir: resolved.stateDir,
    warning,
  };
}
