/**
 * The stack the action manages: the Stigmer stack, or what the `config` file holds: a profile,
 * or a group of stacks started in dependency order (docs/groups.md).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { type Group, loadConfig, type Profile, stigmer } from '@stigmer/e2e-core';
import type { Inputs } from '../context.js';

/** `config` relative to the workspace (the checked-out repository). */
export function configFile(config: string): string {
  return path.resolve(process.env.GITHUB_WORKSPACE || process.cwd(), config);
}

export async function stackProfile(
  inputs: Pick<Inputs, 'require' | 'llmModel'>,
  options: { bin: string | null; configPath: string | null },
): Promise<Profile | Group> {
  if (options.configPath) {
    const file = options.configPath;
    const found = await access(file).then(
      () => true,
      () => false,
    );
    if (!found)
      throw new Error(
        `\`config\`: ${file} does not exist. The profile file is read from the repository: run actions/checkout before this step, and give the path relative to the repository root.`,
      );
    // A `use: 'stigmer'` member without `bin` runs $STIGMER_E2E_BIN: the CLI this action installed.
    if (options.bin && !process.env.STIGMER_E2E_BIN) process.env.STIGMER_E2E_BIN = options.bin;
    return loadConfig(file);
  }
  return stigmerProfile(inputs, options.bin);
}

/** The Stigmer stack as the inputs shape it (pre, which never reads a `config` file). */
export function stigmerProfile(
  inputs: Pick<Inputs, 'require' | 'llmModel'>,
  bin: string | null,
): Profile {
  return stigmer({
    ...(bin ? { bin } : {}),
    ...(inputs.require ? { require: [...inputs.require] } : {}),
    // Without the input, stigmer() takes STIGMER_LLM_MODEL from the job's environment.
    ...(inputs.llmModel ? { llm: { model: inputs.llmModel } } : {}),
  });
}
