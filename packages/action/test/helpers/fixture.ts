/** A job with an emulated Stigmer stack, in a temp dir removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  isGroup,
  loadConfig,
  type Profile,
  releaseServer,
  serverStatus,
  stigmer,
} from '@stigmer/e2e-core';
import { dockerBinDir, type EmulatorKnobs, KNOB_ENV } from '@stigmer/e2e-emulator';
import { Job, type JobOptions, type StageResult } from './action-runner.js';
import { type EmulatedStack, emulatedStack } from './emulated-stack.js';

export interface Fixture {
  readonly dir: string;
  readonly job: Job;
  readonly stack: EmulatedStack;
  /** A second job on the same machine (same HOME, same stack), e.g. a later run. */
  anotherJob(options?: Partial<JobOptions>): Job;
  /** A `config` profile file (or group) whose stacks dispose stops too. */
  alsoStop(configFile: string): void;
  /** Stops what the test left running (even mid-boot, even when it failed before post), then removes the dir. */
  dispose(): Promise<void>;
}

export async function fixture(
  knobs: EmulatorKnobs = {},
  options: Partial<Omit<JobOptions, 'dir'>> & {
    stigmerOnPath?: boolean;
    /**
     * This (empty or absent) directory instead of a new temp one: a fresh machine at the paths
     * of an earlier one, as each job of a hosted runner gets (caches are keyed on those paths).
     */
    at?: string;
  } = {},
): Promise<Fixture> {
  const { at, stigmerOnPath = true, ...jobOnly } = options;
  const dir = at ?? (await mkdtemp(path.join(os.tmpdir(), 'e2e-action-')));
  const home = path.join(dir, 'job', 'home');
  const stack = await emulatedStack(home, path.join(dir, 'bin'), knobs);
  // This process plays later steps of the job too (a test step joining the stack, the cleanup):
  // core's own `docker inspect` probe runs here, and must reach the same `docker` and daemon
  // state as the job's, as on one machine with one Docker daemon.
  if (!process.env.PATH?.startsWith(dockerBinDir))
    process.env.PATH = `${dockerBinDir}${path.delimiter}${process.env.PATH}`;
  process.env[KNOB_ENV.dockerDir] = stack.env[KNOB_ENV.dockerDir];
  const jobs: Job[] = [];
  const configs: string[] = [];
  const newJob = (o: JobOptions) => {
    const job = new Job(o);
    jobs.push(job);
    return job;
  };
  const jobOptions = (extra: Partial<JobOptions> = {}): JobOptions => ({
    dir: path.join(dir, 'job'),
    ...jobOnly,
    ...extra,
    path: [...(extra.path ?? jobOnly.path ?? []), ...stack.path(stigmerOnPath)],
    env: { ...stack.env, ...jobOnly.env, ...extra.env },
  });
  return {
    dir,
    job: newJob(jobOptions()),
    stack,
    anotherJob: (extra) => newJob(jobOptions(extra)),
    alsoStop: (file) => configs.push(file),
    dispose: async () => {
      const profiles = [
        stigmer({
          bin: path.join(stack.binDir, 'stigmer'),
          home,
          serverAddress: stack.env.STIGMER_SERVER_ADDR!,
          temporalAddress: stack.env.TEMPORAL_ADDRESS!,
          env: stack.machine.env,
        }),
        ...(await Promise.all(configs.map(configProfiles))).flat(),
      ];
      for (const profile of profiles) if (profile) await releaseEveryLease(profile);
      await stack.cleanup(); // a stack started by hand, and what a real stop leaves
      for (const job of jobs) await job.end();
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** A config file's profile, or each member's (dependents first, as a group is released). */
async function configProfiles(file: string): Promise<Profile[]> {
  const loaded = await loadConfig(file).catch(() => null);
  if (!loaded) return [];
  return isGroup(loaded) ? loaded.members.map((m) => m.profile).reverse() : [loaded];
}

/** With core: the last release stops what core started, as post would have. */
async function releaseEveryLease(profile: Profile): Promise<void> {
  for (const lease of (await serverStatus(profile)).leases)
    await releaseServer(profile, lease.id).catch(() => {});
}

/** Everything a stage printed, for assertions and for a readable failure. */
export function printed(result: StageResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** Fails with the stage's output when it exited non-zero. */
export function expectOk(result: StageResult): StageResult {
  if (result.code !== 0)
    throw new Error(`${result.stage} exited ${result.code}:\n${printed(result)}`);
  return result;
}
