import { describe, expect, it } from 'vitest';
import { ProfileError } from '../errors.js';
import { defineServer } from '../profile/define-server.js';
import type { ServerSpec } from '../profile/spec.js';
import { stigmer } from '../profile/stigmer.js';
import { defineGroup } from './define-group.js';
import type { GroupSpec } from './spec.js';

const server = (name: string, env: Record<string, string> = {}): ServerSpec => ({
  name,
  stateDir: `/tmp/stigmer-e2e-test/${name}`,
  start: { command: ['node', `${name}.js`], mode: 'process', env: { OWN: name } },
  components: [{ name, probe: { tcp: '127.0.0.1:1' } }],
  env,
});

const stigmerHome = { home: '/tmp/stigmer-e2e-test/home', serverAddress: 'localhost:17234' };

function problems(spec: unknown, options = {}): readonly string[] {
  try {
    defineGroup(spec as GroupSpec, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems;
  }
  throw new Error('expected a ProfileError');
}

describe('defineGroup', () => {
  it('orders members after what they depend on, keeping the written order otherwise', () => {
    const group = defineGroup({
      members: [
        { ...server('app'), dependsOn: ['stigmer', 'db'] },
        { ...server('web'), dependsOn: ['app'] },
        { use: 'stigmer', options: stigmerHome },
        server('db', { DATABASE_URL: 'postgres://127.0.0.1:15432/app' }),
      ],
    });
    expect(group.members.map((m) => m.name)).toEqual(['stigmer', 'db', 'app', 'web']);
    expect(group.name).toBe('stigmer+db+app+web');
    expect(group.members.find((m) => m.name === 'app')!.dependsOn).toEqual(['stigmer', 'db']);
  });

  it("gives a member's start command what its dependencies export, directly or not; its own env wins", () => {
    const group = defineGroup({
      name: 'shop',
      members: [
        { use: 'stigmer', options: stigmerHome },
        server('db', { DATABASE_URL: 'postgres://127.0.0.1:15432/app', OWN: 'not this' }),
        { ...server('app', { APP_URL: 'http://127.0.0.1:18080' }), dependsOn: ['stigmer', 'db'] },
        { ...server('web'), dependsOn: ['app'] },
      ],
    });
    const env = (name: string) => group.members.find((m) => m.name === name)!.profile.start!.env;
    expect(env('app')).toMatchObject({
      STIGMER_SERVER_ADDR: 'localhost:17234',
      DATABASE_URL: 'postgres://127.0.0.1:15432/app',
      OWN: 'app',
    });
    expect(env('web')).toMatchObject({
      APP_URL: 'http://127.0.0.1:18080',
      STIGMER_SERVER_ADDR: 'localhost:17234',
      DATABASE_URL: 'postgres://127.0.0.1:15432/app',
    });
    expect(env('db')).toEqual({ OWN: 'db' });
    expect(group.env).toMatchObject({
      STIGMER_SERVER_ADDR: 'localhost:17234',
      DATABASE_URL: 'postgres://127.0.0.1:15432/app',
      APP_URL: 'http://127.0.0.1:18080',
    });
  });

  it('takes profiles built in code, named by the profile unless renamed', () => {
    const group = defineGroup({
      members: [
        { profile: stigmer(stigmerHome) },
        { name: 'database', profile: defineServer(server('pg')), dependsOn: ['stigmer'] },
      ],
    });
    expect(group.members.map((m) => [m.name, m.profile.name])).toEqual([
      ['stigmer', 'stigmer'],
      ['database', 'pg'],
    ]);
  });

  it('rejects a cycle, naming it', () => {
    expect(
      problems({
        members: [
          { ...server('app'), dependsOn: ['db'] },
          { ...server('db'), dependsOn: ['app'] },
        ],
      }),
    ).toEqual([
      'dependsOn: a cycle: app -> db -> app; no member could ever start: remove one of these dependencies',
    ]);
    expect(problems({ members: [{ ...server('app'), dependsOn: ['app'] }] })).toEqual([
      expect.stringContaining('a cycle: app -> app;'),
    ]);
  });

  it('lists every problem at once, each with its path', () => {
    const list = problems({
      name: 'bad name',
      members: [
        { use: 'stigmer', options: { requires: ['temporal'], serverAddress: 'nope' } },
        { name: 'pg', use: 'postgres' },
        { ...server('db'), start: { command: 'pg_ctl start', mode: 'daemon' } },
        { ...server('app'), dependsOn: ['dbb', 3] },
        { ...server('app') },
        { ...server('web'), depends_on: ['app'] },
        'stigmer',
      ],
    });
    expect(list).toEqual([
      expect.stringMatching(/^name: expected letters, digits/),
      expect.stringMatching(
        /^members\[0\]\.options\.requires: unknown key "requires"; expected one of: bin, home, require,/,
      ),
      expect.stringMatching(
        /^members\[1\]\.use: expected "stigmer" \(the built-in profile\), got "postgres"/,
      ),
      expect.stringMatching(/^members\[2\]\.start\.command: expected an array of arguments/),
      'members[2].stop: a daemon-mode stack needs a stop command: add stop: { command: [...] }',
      expect.stringMatching(/^members\[3\]\.dependsOn\[1\]: expected a member name/),
      'members[5].depends_on: write it dependsOn: ["name", ...] (camelCase, names only)',
      expect.stringMatching(/^members\[6\]: expected a member: a server spec/),
      'members[3].dependsOn: no member named "dbb"; the members are "stigmer", "pg", "db", "app", "web"',
      expect.stringMatching(/^members\[4\]: duplicate member name "app" \(also members\[3\]\)/),
    ]);
  });

  it('checks the options of the built-in Stigmer profile with its own rules', () => {
    expect(problems({ members: [{ use: 'stigmer', options: { serverAddress: 'nope' } }] })).toEqual(
      ['members[0].options.serverAddress: expected "host:port", got "nope"'],
    );
  });

  it('rejects two members on one state dir, and a variable two members export differently', () => {
    const list = problems({
      members: [
        { use: 'stigmer', options: stigmerHome },
        { name: 'ai', use: 'stigmer', options: { ...stigmerHome, serverAddress: 'localhost:1' } },
        server('db', { DATABASE_URL: 'postgres://a', PGPASSWORD: 'secret-one' }),
        server('db2', { DATABASE_URL: 'postgres://b', PGPASSWORD: 'secret-one' }),
      ],
    });
    expect(list).toEqual([
      expect.stringMatching(/^members\[1\]: "ai" has the same state dir as "stigmer" \(.*\/e2e\)/),
      expect.stringMatching(/^env\.STIGMER_SERVER_ADDR: exported by both "stigmer" and "ai"/),
      expect.stringMatching(
        /^env\.DATABASE_URL: exported by both "db" and "db2" with different values/,
      ),
    ]);
    expect(list.join('\n')).not.toContain('postgres://');
  });

  it('resolves relative paths against a config file directory, and names the file', () => {
    const group = defineGroup(
      {
        members: [
          { use: 'stigmer', options: { home: 'stack', bin: './bin/stigmer' } },
          { ...server('db'), stateDir: '.state/db' },
        ],
      },
      { baseDir: '/srv/app' },
    );
    expect(group.members[0]!.profile.stateDir).toBe('/srv/app/stack/.stigmer/e2e');
    expect(group.members[0]!.profile.start!.command[0]).toBe('/srv/app/bin/stigmer');
    expect(group.members[1]!.profile.stateDir).toBe('/srv/app/.state/db');
    expect(() => defineGroup({ members: [] }, { source: 'group.json' })).toThrow(
      /^Invalid group spec in group\.json:\n {2}- members: expected at least one member$/,
    );
  });
});
