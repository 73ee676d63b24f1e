/**
 * Secrets, by core's one policy (packages/core/src/util/redact.ts: *_KEY, *_TOKEN, *_SECRET,
 * *PASSWORD, ...): each value is registered with the runner, which then masks it in the log, and
 * replaced by `***` in everything the action writes itself (log lines, outputs, the job summary),
 * so no file the action writes depends on the runner's masking.
 */
import * as core from '@actions/core';
import { redact, secretValues } from '@stigmer/e2e-core';

type Env = Readonly<Record<string, string | undefined>>;

/** Registers each secret of the job's environment, and of `more` (a profile's env). */
export function maskSecrets(...more: Env[]): void {
  for (const value of secretValues(process.env, ...more)) core.setSecret(value);
}

/** `text` with each secret of the job's environment, and of `more`, replaced by `***`. */
export function redactSecrets(text: string, ...more: Env[]): string {
  return redact(text, secretValues(process.env, ...more));
}
