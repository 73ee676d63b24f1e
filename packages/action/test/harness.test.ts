/** The test harness itself: it must read the runner's file formats and action.yml as the runner does. */
import { describe, expect, it } from 'vitest';
import { actionDefaults, FAKE_TOKEN, parseFileCommands } from './helpers/action-runner.js';

describe('harness', () => {
  it('parses `name<<DELIMITER` blocks, multi-line values and plain `name=value` lines', () => {
    const text = [
      'lease-id<<ghadelimiter_1',
      'abc',
      'ghadelimiter_1',
      'status<<ghadelimiter_2',
      '{"a":1}',
      'line two',
      'ghadelimiter_2',
      'legacy=value=with=equals',
      '',
    ].join('\n');
    expect(parseFileCommands(text)).toEqual({
      'lease-id': 'abc',
      status: '{"a":1}\nline two',
      legacy: 'value=with=equals',
    });
    expect(() => parseFileCommands('x<<EOF\nno end')).toThrow(/unterminated/);
  });

  it("fills inputs from action.yml's defaults, as the runner does", async () => {
    expect(await actionDefaults()).toEqual({
      version: 'latest',
      install: 'true',
      'download-url':
        'https://github.com/stigmer/stigmer/releases/download/{version}/stigmer-{version}-{os}-{arch}.tar.gz',
      'github-token': FAKE_TOKEN,
      cache: 'true',
      config: '',
      require: '',
      timeout: '',
      'on-unavailable': 'fail',
      stop: 'if-owned',
      'log-lines': '100',
      'llm-model': '',
    });
  });
});
