import { describe, expect, it } from 'vitest';
import { currentPlatform } from '../install/platform.js';
import { cliEntry, modelEntry, toolsEntry } from './cache-entries.js';

const linux = currentPlatform('linux', 'x64');

describe('cache entries: exact keys', () => {
  it('the CLI by version, os and arch', () => {
    expect(cliEntry('/t/stigmer/v1.2.3/linux-amd64', 'v1.2.3', linux)).toEqual({
      name: 'stigmer v1.2.3',
      key: 'stigmer-cli-v1.2.3-linux-amd64',
      paths: ['/t/stigmer/v1.2.3/linux-amd64'],
    });
  });

  it('~/.stigmer/bin only with a known CLI version', () => {
    expect(toolsEntry('v1.2.3', linux, '/home/r')[0]).toMatchObject({
      key: 'stigmer-tools-v1.2.3-linux-amd64',
    });
    expect(toolsEntry(null, linux, '/home/r')).toEqual([]);
  });

  it.each([
    [{ STIGMER_LLM_MODEL: 'qwen2.5:0.5b' }, 'ollama-model-qwen2.5:0.5b'],
    [{ STIGMER_LLM_PROVIDER: 'ollama', STIGMER_LLM_MODEL: 'a,b c' }, 'ollama-model-a_b_c'],
    [{ STIGMER_LLM_PROVIDER: 'anthropic', STIGMER_LLM_MODEL: 'claude' }, null],
    [{}, null],
  ])('Ollama model for %j', (env, key) => {
    expect(modelEntry(env, '/home/r')[0]?.key ?? null).toBe(key);
  });
});
