/** main: continue with the action's lease and wait until every required component is ready. */
import {
  type ComponentStatus,
  ensureServer,
  formatSeconds,
  type Profile,
  type ServerHandle,
} from '@stigmer/e2e-core';
import type { Inputs } from '../context.js';
import * as log from '../log.js';
import { actionsLogger } from './logger.js';

export async function awaitReady(
  profile: Profile,
  leaseId: string,
  inputs: Pick<Inputs, 'timeoutMs' | 'logLines'>,
): Promise<ServerHandle> {
  return ensureServer(profile, {
    resume: leaseId,
    onUnavailable: 'skip', // the policy is applied by main, after the outputs are set
    logger: actionsLogger,
    logLines: inputs.logLines,
    ...(inputs.timeoutMs ? { timeoutMs: inputs.timeoutMs } : {}),
    onProgress: progressLog(),
  });
}

/** A line per change of a component's readiness, with the time since the wait began. */
export function progressLog(): (components: readonly ComponentStatus[], elapsedMs: number) => void {
  const seen = new Map<string, boolean>();
  return (components, elapsedMs) => {
    for (const c of components) {
      if (seen.get(c.name) === c.ready) continue;
      seen.set(c.name, c.ready);
      log.info(
        `${formatSeconds(elapsedMs).padStart(7)}  ${c.name}: ${c.ready ? 'ready' : 'not ready'}${c.required ? '' : ' (optional)'} - ${c.detail}`,
      );
    }
  };
}
