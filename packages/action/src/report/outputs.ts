/** The step's outputs, and the profile's env for later steps (tests then reuse the stack). */
import * as core from '@actions/core';
import type { HandleSnapshot } from '@stigmer/e2e-core';
import { maskSecrets, redactSecrets } from '../secrets.js';

/** The handle as the `status` output: everything but the log lines. */
export function statusJson(snapshot: Omit<HandleSnapshot, 'logTails'> & { logTails?: unknown }) {
  const { logTails: _omitted, ...rest } = snapshot;
  return rest;
}

/** Secrets (the job's, and any in the profile's env) are replaced: outputs are not masked. */
export function setOutputs(snapshot: HandleSnapshot): void {
  const output = (name: string, value: string) =>
    core.setOutput(name, redactSecrets(value, snapshot.env));
  output('available', String(snapshot.available));
  output('owned', String(snapshot.owned));
  output('lease-id', snapshot.leaseId ?? '');
  output('server-address', snapshot.env.STIGMER_SERVER_ADDR ?? '');
  output('temporal-address', snapshot.env.TEMPORAL_ADDRESS ?? '');
  output('status', JSON.stringify(statusJson(snapshot)));
}

/**
 * STIGMER_SERVER_ADDR, TEMPORAL_ADDRESS, ... for every later step. A test run in a later step
 * (the Vitest adapter, `stigmer-e2e run`) finds the stack under the action's lease: it joins or
 * reuses it and never owns it.
 */
export function exportEnv(snapshot: HandleSnapshot, llmModel: string | null): void {
  // Later steps need the values as they are; the runner masks the secret ones in the log.
  maskSecrets(snapshot.env);
  for (const [name, value] of Object.entries(snapshot.env)) core.exportVariable(name, value);
  // Later runs then ask for the same model, so they find this stack as it is (no mismatch).
  if (llmModel) core.exportVariable('STIGMER_LLM_MODEL', llmModel);
}
