/**
 * Taking the action's lease: ensure without waiting (the stack boots in the background, started
 * detached with its output in files, so no process holds the step's stdout/stderr), and save the
 * lease id at once, so post can release it whatever happens next. The lease is bound to the job's
 * Runner.Worker (see job-process.ts): however the job ends, even with the runner crashing and no
 * post, the lease dies with it and core's watchdog stops a stack this job started.
 */
import { ensureServer, type HandleSnapshot, type LeaseKind, type Profile } from '@stigmer/e2e-core';
import * as log from '../log.js';
import * as stateHelper from '../state-helper.js';
import { jobProcess } from './job-process.js';
import { actionsLogger } from './logger.js';

/** Without a Runner.Worker to bind to: long enough for a hosted job (they end at 6 h). */
const FALLBACK_TTL_MS = 6 * 60 * 60 * 1000;

function leaseLabel(env: NodeJS.ProcessEnv = process.env): string {
  const run = env.GITHUB_RUN_ID ? `run ${env.GITHUB_RUN_ID}` : 'run ?';
  const attempt = env.GITHUB_RUN_ATTEMPT ? `.${env.GITHUB_RUN_ATTEMPT}` : '';
  const job = env.GITHUB_JOB ? ` job ${env.GITHUB_JOB}` : '';
  return `github-action ${run}${attempt}${job}`;
}

export async function jobLease(): Promise<LeaseKind> {
  const label = leaseLabel();
  const worker = await jobProcess();
  if (worker) {
    log.info(
      `The lease lives as long as this job: bound to the job's Runner.Worker (pid ${worker.pid}).`,
    );
    return { kind: 'process', holder: worker, label };
  }
  log.warning(
    "No Runner.Worker process above this step (a local run such as `act`, or a container job, whose steps do not see the runner's processes): the lease is explicit and expires after 6 h. If the job ends without post, a stack it started runs until then.",
  );
  return { kind: 'explicit', label, ttlMs: FALLBACK_TTL_MS };
}

export async function startInBackground(profile: Profile): Promise<HandleSnapshot> {
  const handle = await ensureServer(profile, {
    wait: false,
    lease: await jobLease(),
    onUnavailable: 'skip',
    logger: actionsLogger,
  });
  if (handle.leaseId) {
    stateHelper.setLeaseId(handle.leaseId);
    stateHelper.setOutcome(handle.outcome);
  }
  return handle.snapshot();
}
