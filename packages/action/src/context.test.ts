import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_URL, getInputs, InputError } from './context.js';

const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('getInputs', () => {
  it('empty inputs mean the documented defaults', () => {
    expect(getInputs(read({}))).toEqual({
      version: 'latest',
      install: true,
      downloadUrl: DEFAULT_DOWNLOAD_URL,
      cache: true,
      config: null,
      require: null,
      timeoutMs: null,
      onUnavailable: 'fail',
      stop: 'if-owned',
      logLines: 100,
      githubToken: '',
      llmModel: null,
    });
  });

  it.each([
    [{ version: '1.2.3' }, { version: 'v1.2.3' }],
    [{ version: 'v1.2.3' }, { version: 'v1.2.3' }],
    [{ install: 'false' }, { install: false }],
    [{ cache: 'FALSE' }, { cache: false }],
    [{ require: 'temporal, agent-runner' }, { require: ['temporal', 'agent-runner'] }],
    [{ require: 'stigmer-server\nworkflow-runner' }, { require: ['workflow-runner'] }],
    [{ timeout: '90' }, { timeoutMs: 90_000 }],
    [{ timeout: '0.5' }, { timeoutMs: 500 }],
    [{ 'on-unavailable': 'skip' }, { onUnavailable: 'skip' }],
    [{ stop: 'always' }, { stop: 'always' }],
    [{ 'log-lines': '0' }, { logLines: 0 }],
    [{ config: ' e2e/profile.mjs ' }, { config: 'e2e/profile.mjs' }],
  ])('%j -> %j', (values, expected) => {
    expect(getInputs(read(values))).toMatchObject(expected);
  });

  it.each([
    [
      { version: 'v1 2' },
      '`version`: expected `latest` or a release tag such as `v1.2.3`, got `v1 2`.',
    ],
    [{ install: 'maybe' }, '`install`: expected `true` or `false`, got `maybe`.'],
    [
      { require: 'temporal, ollama' },
      '`require`: expected components among temporal, workflow-runner, agent-runner, got `ollama`.',
    ],
    [{ timeout: '-1' }, '`timeout`: expected a positive number of seconds, got `-1`.'],
    [{ 'log-lines': '1.5' }, '`log-lines`: expected a non-negative integer, got `1.5`.'],
    [{ stop: 'later' }, '`stop`: expected one of `if-owned`, `always`, `never`, got `later`.'],
    [
      { 'download-url': 'https://x/{tag}.tgz' },
      '`download-url`: unknown placeholder `{tag}`; use {version}, {semver}, {os} and {arch}.',
    ],
    [
      { 'download-url': 'stigmer.tgz' },
      '`download-url`: expected an absolute URL template, got `stigmer.tgz`.',
    ],
  ])('%j is refused', (values, message) => {
    expect(() => getInputs(read(values))).toThrow(message);
  });

  it('names every bad input at once', () => {
    const error = (() => {
      try {
        getInputs(read({ stop: 'x', 'on-unavailable': 'y' }));
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.problems).toHaveLength(2);
    expect(error!.message).toMatch(/^Invalid inputs:\n- `on-unavailable`.*\n- `stop`/);
  });
});
