import { describe, expect, it } from 'vitest';
import { formatCommand } from './format-command.js';

describe('formatCommand', () => {
  it('quotes the arguments a reader could not tell apart otherwise', () => {
    expect(formatCommand(['pg_ctl', '-o', '-p 55432 -k /tmp', 'start'])).toBe(
      "`pg_ctl -o '-p 55432 -k /tmp' start`",
    );
    expect(formatCommand(['echo', "it's", '', '; rm -rf ~'])).toBe(
      "`echo 'it'\\''s' '' '; rm -rf ~'`",
    );
    expect(formatCommand(['stigmer', 'server'])).toBe('`stigmer server`');
  });
});
