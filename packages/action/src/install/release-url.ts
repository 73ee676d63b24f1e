/** Release asset URLs: the `download-url` template filled in, and only safe schemes. */
import type { Platform } from './platform.js';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

/** Fills `{version}` (the tag, `v1.2.3`), `{semver}` (`1.2.3`), `{os}` and `{arch}`. */
export function assetUrl(template: string, tag: string, platform: Platform): string {
  return template
    .replaceAll('{version}', tag)
    .replaceAll('{semver}', tag.replace(/^v/, ''))
    .replaceAll('{os}', platform.os)
    .replaceAll('{arch}', platform.arch);
}

/** The checksum file beside an asset: the same URL with `.sha256` appended (before any query). */
export function checksumUrl(asset: string): string {
  const url = new URL(asset);
  url.pathname = `${url.pathname}.sha256`;
  return url.toString();
}

/**
 * Downloads go over https; plain http only to this machine (a test server or a local mirror).
 * `what` names the input or variable the URL came from, for the message.
 */
export function assertSafeUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what}: expected an absolute https URL, got \`${value}\`.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  throw new Error(
    `${what}: refusing \`${value}\`: downloads must use https (plain http is allowed only for loopback: 127.0.0.1, ::1, localhost). Use an https mirror.`,
  );
}
