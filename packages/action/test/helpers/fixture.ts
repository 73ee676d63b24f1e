/** A job with an emulated Stigmer stack, in a temp dir removed afterwards. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EmulatorKnobs } from '@stigmer/e2e-emulator';
import { Job, type JobOptions, type StageResult } from './action-runner.js';
import { type EmulatedStack, emulatedStack } from './emulated-stack.js';

export interface Fixture {
  readonly dir: string;
  readonly job: Job;
  readonly stack: EmulatedStack;
  /** A second job on the same machine (same HOME, same stack), e.g. a later run. */
  anotherJob(options?: Partial<JobOptions>): Job;
  dispose(): Promise<void>;
}

export async function fixture(
  knobs: EmulatorKnobs = {},
  options: Partial<Omit<JobOptions, 'dir'>> & { stigmerOnPath?: boolean } = {},
): Promise<Fixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-action-'));
  const home = path.join(dir, 'job', 'home');
  const stack = await emulatedStack(home, path.join(dir, 'bin'), knobs);
  const jobOptions = (extra: Partial<JobOptions> = {}): JobOptions => ({
    dir: path.join(dir, 'job'),
    path: options.stigmerOnPath === false ? [] : [stack.binDir],
    ...options,
    ...extra,
    env: { ...stack.env, ...options.env, ...extra.env },
  });
  return {
    dir,
    job: new Job(jobOptions()),
    stack,
    anotherJob: (extra) => new Job(jobOptions(extra)),
    dispose: async () => {
      await stack.cleanup();
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
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
