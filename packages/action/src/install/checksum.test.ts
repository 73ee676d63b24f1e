import { describe, expect, it } from 'vitest';
import { ChecksumError, expectedHash } from './checksum.js';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('expectedHash (sha256sum format)', () => {
  it.each([
    [`${A}  stigmer-v1-linux-amd64.tar.gz\n`, A],
    [`${A} *stigmer-v1-linux-amd64.tar.gz`, A],
    [`${A}  ./dist/stigmer-v1-linux-amd64.tar.gz`, A],
    [`${A}\n`, A],
    [`${'c'.repeat(64)}  other.tar.gz\n${B}  stigmer-v1-linux-amd64.tar.gz\r\n`, B.toLowerCase()],
  ])('%j', (listing, hash) => {
    expect(expectedHash(listing, 'stigmer-v1-linux-amd64.tar.gz', 'x.sha256')).toBe(hash);
  });

  it.each([
    ['', /is not a sha256sum listing/],
    ['<html>Not Found</html>', /is not a sha256sum listing/],
    [
      `${A}  other.tar.gz`,
      /lists no checksum for stigmer-v1-linux-amd64\.tar\.gz \(it names other\.tar\.gz\)/,
    ],
  ])('%j is refused', (listing, message) => {
    expect(() => expectedHash(listing, 'stigmer-v1-linux-amd64.tar.gz', 'x.sha256')).toThrow(
      ChecksumError,
    );
    expect(() => expectedHash(listing, 'stigmer-v1-linux-amd64.tar.gz', 'x.sha256')).toThrow(
      message,
    );
  });
});
