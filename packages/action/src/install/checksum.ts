/** Checking an archive against the `sha256sum`-format file published beside it. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export class ChecksumError extends Error {
  override readonly name = 'ChecksumError';
}

/**
 * The expected hash for `fileName` in a `sha256sum` listing (`<hex>  <name>` or `<hex> *<name>`
 * per line; a lone hash is accepted too).
 */
export function expectedHash(listing: string, fileName: string, source: string): string {
  const entries = listing
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([0-9a-fA-F]{64})(?:\s+\*?(.+))?$/.exec(line);
      return match ? { hash: match[1]!.toLowerCase(), name: match[2]?.trim() ?? null } : null;
    });
  if (entries.length === 0 || entries.some((e) => e === null))
    throw new ChecksumError(
      `${source} is not a sha256sum listing (expected lines like "<64 hex digits>  ${fileName}").`,
    );
  const valid = entries as Array<{ hash: string; name: string | null }>;
  const named = valid.find((e) => e.name !== null && baseName(e.name) === fileName);
  if (named) return named.hash;
  if (valid.length === 1 && valid[0]!.name === null) return valid[0]!.hash;
  throw new ChecksumError(
    `${source} lists no checksum for ${fileName} (it names ${valid.map((e) => e.name ?? '(none)').join(', ')}).`,
  );
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function baseName(name: string): string {
  return name.split(/[\\/]/).at(-1)!;
}
