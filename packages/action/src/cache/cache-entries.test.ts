import { describe, expect, it } from 'vitest';
import { currentPlatform } from '../install/platform.js';
import { cliEntry, modelEntry, toolsEntry } from './cache-entries.js';

const linux = currentPlatform('linux', 'x64');

describe('cache entries: exact keys', () => {
  it('the CLI archive by version, os, arch, download URL and the release checksum', () => {
    const release = {
      url: 'https://github.com/s/s/releases/download/v1.2.3/a.tar.gz',
      sha256: 'f'.repeat(64),
    };
    const entry = cliEntry('/t/stigmer/v1.2.3/linux-amd64.archive', 'v1.2.3', linux, release);
    expect(entry).toEqual({
      name: 'stigmer v1.2.3',
      key: expect.stringMatching(
        /^stigmer-cli-v1\.2\.3-linux-amd64-url\.[0-9a-f]{16}-sha256\.f{16}$/,
      ),
      paths: ['/t/stigmer/v1.2.3/linux-amd64.archive'],
    });
    // A mirror (another `download-url`) never shares the entry of the release, nor an asset
    // published again under the same tag.
    const mirror = cliEntry('/d', 'v1.2.3', linux, {
      ...release,
      url: 'https://mirror.example/a.tar.gz',
    });
    const republished = cliEntry('/d', 'v1.2.3', linux, { ...release, sha256: 'e'.repeat(64) });
    expect(new Set([entry.key, mirror.key, republished.key]).size).toBe(3);
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
