import { describe, expect, it } from 'vitest';
import { redact, secretValues } from './redact.js';

describe('redact', () => {
  it('masks the values of secret-looking variables', () => {
    const secrets = secretValues({
      ANTHROPIC_API_KEY: 'sk-ant-123456',
      OPENAI_API_KEY: 'sk-openai-abcdef',
      PATH: '/usr/bin',
    });
    expect(redact('key=sk-ant-123456 other=sk-openai-abcdef path=/usr/bin', secrets)).toBe(
      'key=*** other=*** path=/usr/bin',
    );
  });
  it("masks PostgreSQL's PGPASSWORD: PASSWORD and PASSWD need no underscore before them", () => {
    expect(
      secretValues({ PGPASSWORD: 'hunter22', DB_PASSWD: 'hunter33', PGPORT: '543210' }),
    ).toEqual(['hunter22', 'hunter33']);
  });
  it('leaves short values alone so unrelated text survives', () => {
    expect(secretValues({ SOME_TOKEN: '1' })).toEqual([]);
  });
});
