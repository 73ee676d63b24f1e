/**
 * Taking the action's lease: ensure without waiting (the stack boots in the background, started
 * detached with its output in files, so no process holds the step's stdout/stderr), and save the
 * lease id at once, so post can release it whatever happens next.
 */
import { ensureServer, type HandleSnapshot, type Profile } from '@stigmer/e2e-core';
import * as stateHelper from '../state-helper.js';
import { actionsLogger } from './logger.js';

/** Long enough for any job (hosted jobs end at 6 h); a crashed self-hosted job cannot pin the stack longer. */
const LEASE_TTL_MS = 6 * 60 * 60 * 1000;

function leaseLabel(env: NodeJS.ProcessEnv = process.env): string {
  const run = env.GITHUB_RUN_ID ? `run ${env.GITHUB_RUN_ID}` : 'run ?';
  const attempt = env.GITHUB_RUN_ATTEMPT ? `.${env.GITHUB_RUN_ATTEMPT}` : '';
  const job = env.GITHUB_JOB ? ` job ${env.GITHUB_JOB}` : '';
  return `github-action ${run}${attempt}${job}`;
}

export async function startInBackground(profile: Profile): Promise<HandleSnapshot> {
  const handle = await ensureServer(profile, {
    wait: false,
    lease: { kind: 'explicit', label: leaseLabel(), ttlMs: LEASE_TTL_MS },
    onUnavailable: 'skip',
    logger: actionsLogger,
  });
  if (handle.leaseId) stateHelper.setLeaseId(handle.leaseId);
  return handle.snapshot();
}
