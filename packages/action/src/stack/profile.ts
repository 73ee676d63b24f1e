/** The stack the action manages: the Stigmer stack, or the profile in the `config` file. */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadProfile, type Profile, stigmer } from '@stigmer/e2e-core';
import type { Inputs } from '../context.js';

/** `config` relative to the workspace (the checked-out repository). */
export function configFile(config: string): string {
  return path.resolve(process.env.GITHUB_WORKSPACE || process.cwd(), config);
}

export async function stackProfile(
  inputs: Pick<Inputs, 'require' | 'llmModel'>,
  options: { bin: string | null; configPath: string | null },
): Promise<Profile> {
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
    return loadProfile(file);
  }
  return stigmer({
    ...(options.bin ? { bin: options.bin } : {}),
    ...(inputs.require ? { require: [...inputs.require] } : {}),
    // Without the input, stigmer() takes STIGMER_LLM_MODEL from the job's environment.
    ...(inputs.llmModel ? { llm: { model: inputs.llmModel } } : {}),
  });
}
