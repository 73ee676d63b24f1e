import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { defineGroup } from './define-group.js';
import { formatGroupLease, parseGroupLease } from './lease-id.js';
import { envSecrets } from './secrets.js';

const member = (name: string, dependsOn: string[] = []) => ({
  name,
  stateDir: `/tmp/stigmer-e2e-test/${name}`,
  start: { command: ['node', `${name}.js`], mode: 'process' as const },
  components: [{ name, probe: { tcp: '127.0.0.1:1' } }],
  dependsOn,
});
const group = defineGroup({ members: [member('db'), member('app', ['db'])] });

describe("a group's lease id", () => {
  it('names each member lease, and reads back', () => {
    const id = formatGroupLease([
      { name: 'db', leaseId: 'a1' },
      { name: 'app', leaseId: 'b2' },
      { name: 'web', leaseId: null },
    ])!;
    expect(id).toBe('db=a1,app=b2');
    expect([...parseGroupLease(group, id)]).toEqual([
      ['db', 'a1'],
      ['app', 'b2'],
    ]);
    expect(formatGroupLease([{ name: 'db', leaseId: null }])).toBeNull();
  });

  it("rejects a single stack's lease id and a member the group does not have", () => {
    expect(() => parseGroupLease(group, '0b0c6c9e-8f3c')).toThrow(
      new UsageError(
        'lease 0b0c6c9e-8f3c: expected the group\'s lease id as `up` printed it ("db=<id>,app=<id>")',
      ),
    );
    expect(() => parseGroupLease(group, 'db=a1,web=c3')).toThrow(/db\+app has no member "web"/);
  });
});

describe('envSecrets', () => {
  it('masks secret-looking variables and URL passwords, short ones with their delimiters', () => {
    expect(
      envSecrets({
        DATABASE_URL: 'postgres://app:s3cr%40t-long@db:5432/app',
        REDIS_URL: 'redis://:pw@cache:6379',
        PGPASSWORD: 'hunter22',
        PORT: '5432',
        HOMEPAGE: 'https://example.com/a:b@c',
      }),
    ).toEqual(['s3cr%40t-long', 's3cr@t-long', 'hunter22', ':pw@']);
  });
});
