/**
 * How each stage runs: secrets masked first; an error fails pre or main with its message, and
 * only warns in post (cleanup never fails a job). `attempt` runs one part of post so that a
 * failing part does not keep the others from running.
 */
import * as log from './log.js';
import { maskSecrets } from './secrets.js';

export type Stage = 'pre' | 'main' | 'post';

export async function runStage(stage: Stage, body: () => Promise<void>): Promise<void> {
  try {
    maskSecrets();
    await body();
  } catch (error) {
    if (stage === 'post') log.warning(`post: ${errorMessage(error)}`);
    else log.fail(errorMessage(error));
  }
}

/** Runs one part of post; its failure becomes a warning and the result `undefined`. */
export async function attempt<T>(what: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    log.warning(`${what} failed: ${errorMessage(error)}`);
    return undefined;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
