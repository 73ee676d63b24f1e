import { describe, expect, it } from 'vitest';
import { redact, secretValues } from './redact.js';

const VALUE = 'a-secret-value-0123';
const isSecret = (name: string) => secretValues({ [name]: VALUE }).includes(VALUE);

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

  it('leaves short values alone so unrelated text survives', () => {
    expect(secretValues({ SOME_TOKEN: '1' })).toEqual([]);
  });

  it.each([
    'ANTHROPIC_API_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'KEY',
    'GITHUB_TOKEN',
    'NODE_AUTH_TOKEN',
    // The runner passes the action's `github-token` input as INPUT_GITHUB-TOKEN.
    'INPUT_GITHUB-TOKEN',
    'CLIENT_SECRET',
    'SECRET',
    'MYSQL_ROOT_PASSWORD',
    'PGPASSWORD',
    'PASSWORD',
    'SMTP_PASSWD',
    'DB_CREDENTIALS',
    'REGISTRY_CREDENTIAL',
    'openai_api_key',
  ])('%s is a secret name', (name) => {
    expect(isSecret(name)).toBe(true);
  });

  it.each([
    'PATH',
    'HOME',
    'MONKEY',
    'TURKEY',
    'KEYBOARD_LAYOUT',
    'TOKENIZERS_PARALLELISM',
    'SECRETS_DIR',
    'PASSWORD_FILE',
    'PGPASSFILE',
    'STIGMER_SERVER_ADDR',
    'STIGMER_LLM_MODEL',
    'TEMPORAL_ADDRESS',
  ])('%s is not a secret name', (name) => {
    expect(isSecret(name)).toBe(false);
  });

  it('a multi-line secret is masked line by line, a padded one without its padding', () => {
    const pem = '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END KEY-----\n';
    const secrets = secretValues({ TLS_KEY: pem, SOME_TOKEN: '  abcdef123  ' });
    expect(redact('line MIIEvQIBADANBgkqhkiG9w0B and abcdef123', secrets)).toBe('line *** and ***');
  });

  it('takes values from every environment given, longest first', () => {
    expect(secretValues({ A_TOKEN: 'abcdef' }, { B_SECRET: 'abcdefgh', C: 'abcdefghij' })).toEqual([
      'abcdefgh',
      'abcdef',
    ]);
    expect(redact('x abcdefgh y', ['abcdefgh', 'abcdef'])).toBe('x *** y');
  });
});
