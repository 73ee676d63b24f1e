/**
 * Did an earlier step of this job fail? The runner does not tell a post step, so ask the API for
 * this run attempt's jobs and find ours (in progress, on this runner). Needs `actions: read`;
 * without it (or off GitHub) the answer is `unknown`.
 */
import { getJson } from '../github-api.js';

export type JobStatus =
  | { kind: 'failed'; step: string }
  | { kind: 'ok' }
  | { kind: 'unknown'; why: string };

interface Jobs {
  jobs?: Array<{
    status?: string;
    runner_name?: string | null;
    name?: string;
    steps?: Array<{ name?: string; conclusion?: string | null }>;
  }>;
}

const TIMEOUT_MS = 5_000;

export async function jobStatus(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<JobStatus> {
  const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, RUNNER_NAME: runner } = env;
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  if (!repo || !run || !runner)
    return { kind: 'unknown', why: 'not running in a GitHub Actions job' };
  if (!token) return { kind: 'unknown', why: 'no github-token' };
  let data: Jobs;
  try {
    data = await getJson<Jobs>(
      `/repos/${repo}/actions/runs/${run}/attempts/${attempt}/jobs?per_page=100`,
      token,
      { timeoutMs: TIMEOUT_MS },
    );
  } catch (error) {
    return { kind: 'unknown', why: `the jobs API said: ${(error as Error).message}` };
  }
  const job = data.jobs?.find((j) => j.status === 'in_progress' && j.runner_name === runner);
  if (!job)
    return { kind: 'unknown', why: `no job in progress on runner ${runner} in the jobs API` };
  const failed = job.steps?.find((s) => s.conclusion === 'failure' || s.conclusion === 'cancelled');
  return failed ? { kind: 'failed', step: failed.name ?? '?' } : { kind: 'ok' };
}
