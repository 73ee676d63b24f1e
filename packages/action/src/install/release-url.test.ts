import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_URL } from '../context.js';
import { currentPlatform } from './platform.js';
import { assertSafeUrl, assetUrl, checksumUrl } from './release-url.js';

describe('release URLs', () => {
  it.each([
    ['linux', 'x64', 'stigmer-v1.2.3-linux-amd64.tar.gz'],
    ['darwin', 'arm64', 'stigmer-v1.2.3-darwin-arm64.tar.gz'],
    ['win32', 'x64', 'stigmer-v1.2.3-windows-amd64.tar.gz'],
  ] as const)('%s/%s -> %s', (os, arch, asset) => {
    expect(assetUrl(DEFAULT_DOWNLOAD_URL, 'v1.2.3', currentPlatform(os, arch))).toBe(
      `https://github.com/stigmer/stigmer/releases/download/v1.2.3/${asset}`,
    );
  });

  it('{semver} drops the v (the older stigmer_X.Y.Z_os_arch naming)', () => {
    const url = 'https://mirror.example/stigmer/{version}/stigmer_{semver}_{os}_{arch}.tar.gz';
    expect(assetUrl(url, 'v1.2.3', currentPlatform('darwin', 'x64'))).toBe(
      'https://mirror.example/stigmer/v1.2.3/stigmer_1.2.3_darwin_amd64.tar.gz',
    );
  });

  it('the checksum sits beside the asset, before any query', () => {
    expect(checksumUrl('https://m.example/a/stigmer.tar.gz?sig=1')).toBe(
      'https://m.example/a/stigmer.tar.gz.sha256?sig=1',
    );
  });

  it('an unsupported platform says what to do', () => {
    expect(() => currentPlatform('freebsd', 'x64')).toThrow(/set `install: false`/);
    expect(() => currentPlatform('linux', 'ia32')).toThrow(/linux\/ia32/);
  });

  it.each([
    'https://github.com/x',
    'http://127.0.0.1:8080/x',
    'http://localhost/x',
    'http://[::1]:9/x',
  ])('%s is allowed', (url) => {
    expect(() => assertSafeUrl(url, '`download-url`')).not.toThrow();
  });

  it.each(['http://mirror.example/x', 'ftp://127.0.0.1/x', 'file:///tmp/x', 'http://10.0.0.1/x'])(
    '%s is refused',
    (url) => {
      expect(() => assertSafeUrl(url, '`download-url`')).toThrow(
        /downloads must use https \(plain http is allowed only for loopback/,
      );
    },
  );
});
