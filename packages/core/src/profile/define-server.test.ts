import { describe, expect, it } from 'vitest';
import { ProfileError } from '../errors.js';
import { defineServer } from './define-server.js';
import type { ServerSpec } from './spec.js';

const valid: ServerSpec = {
  name: 'web',
  stateDir: '/tmp/stigmer-e2e-test/web',
  start: { command: ['node', 'server.js'], mode: 'process' },
  components: [{ name: 'web', probe: { http: 'http://localhost:3000/health' } }],
};

function problems(spec: unknown, options = {}): readonly string[] {
  try {
    defineServer(spec as ServerSpec, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems;
  }
  throw new Error('expected a ProfileError');
}

describe('defineServer', () => {
  it('applies defaults', () => {
    const profile = defineServer(valid);
    expect(profile.components[0]).toMatchObject({ required: true, pidFile: null });
    expect(profile.stop).toEqual({ command: null, signal: 'SIGTERM', timeoutMs: 10_000 });
    expect(profile.readyTimeoutMs).toBe(60_000);
  });

  it('lists every problem at once, each with its path', () => {
    const list = problems({
      name: 'bad name!',
      bogus: 1,
      start: { command: 'pg_ctl start', mode: 'forever' },
      components: [
        { name: 'a', probe: { tcp: 'localhost:1' }, required: 'yes' },
        { name: 'b', probe: { udp: 'x' } },
        { name: 'c', probe: { tcp: 'nohostport' } },
      ],
    });
    expect(list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: expected letters/),
        expect.stringMatching(/^bogus: unknown key/),
        expect.stringMatching(
          /^start\.command: expected an array of arguments .* got the string "pg_ctl start"/,
        ),
        expect.stringMatching(/^start\.mode: expected "daemon" or "process", got "forever"/),
        expect.stringMatching(/^components\[0\]\.required: expected true or false, got "yes"/),
        'components[1].probe: expected one of tcp, http, grpc, pidFile, command, docker, anyOf',
        expect.stringMatching(/^components\[2\]\.probe\.tcp: expected "host:port"/),
      ]),
    );
    expect(list).toHaveLength(7);
  });

  it('rejects an empty command and a daemon without a stop command', () => {
    const list = problems({ ...valid, start: { command: [], mode: 'daemon' } });
    expect(list).toContain('start.command: expected a command, got an empty array');
    expect(list).toContain(
      'stop: a daemon-mode stack needs a stop command: add stop: { command: [...] }',
    );
  });

  it('rejects relative paths in code, and resolves them against a config file directory', () => {
    const spec = { ...valid, components: [{ name: 'pg', probe: { pidFile: 'data/pg.pid' } }] };
    expect(problems(spec)).toEqual([
      expect.stringMatching(
        /^components\[0\]\.probe\.pidFile: expected an absolute path, got "data\/pg.pid"/,
      ),
    ]);
    const profile = defineServer(spec, { baseDir: '/srv/app' });
    expect(profile.components[0]!.probe).toEqual({ pidFile: '/srv/app/data/pg.pid' });
  });

  it('rejects duplicate component names and unknown probe keys', () => {
    const list = problems({
      ...valid,
      components: [
        { name: 'a', probe: { tcp: 'localhost:1', timeout: 3 } },
        { name: 'a', probe: { tcp: 'localhost:2' } },
      ],
    });
    expect(list).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^components\[0\]\.probe\.timeout: unknown key/),
        'components[1]: duplicate component name "a"',
      ]),
    );
  });

  it('checks that startedWith names a component', () => {
    expect(problems({ ...valid, startedWith: { component: 'db', env: { MODEL: 'x' } } })).toEqual([
      'startedWith.component: no component named "db"',
    ]);
    const profile = defineServer({
      ...valid,
      startedWith: { component: 'web', env: { MODEL: 'x' } },
    });
    expect(profile.startedWith).toEqual({ component: 'web', env: { MODEL: 'x' } });
  });

  it('keeps a shell-looking argument as one literal argument', () => {
    const profile = defineServer({
      ...valid,
      start: { command: ['echo', '; rm -rf ~'], mode: 'process' },
    });
    expect(profile.start!.command).toEqual(['echo', '; rm -rf ~']);
  });
});
