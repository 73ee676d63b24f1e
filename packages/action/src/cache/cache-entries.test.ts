import { describe, expect, it } from 'vitest';
import { currentPlatform } from '../install/platform.js';
import { cliEntry, imageEntry, isoWeek, modelEntry, toolsEntry } from './cache-entries.js';

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
    // Unset: the CLI's default model, which core pulls on a first start.
    [{}, 'ollama-model-qwen2.5-coder:7b'],
  ])('Ollama model for %j', (env, key) => {
    expect(modelEntry(env, '/home/r')[0]?.key ?? null).toBe(key);
  });

  it('the agent-runner image, keyed by ISO week (`:latest` has no version)', () => {
    expect(imageEntry(new Date('2026-12-02T10:00:00Z'), '/home/r')).toMatchObject({
      key: 'agent-runner-image-ghcr.io/stigmer/agent-runner:latest-2026w49',
      paths: ['/home/r/.cache/stigmer-e2e/agent-runner-image'],
      image: 'ghcr.io/stigmer/agent-runner:latest',
    });
    // Week 1 is the week with the year's first Thursday.
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026w53');
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026w01');
  });
});
