/**
 * Installing the `stigmer` CLI: resolve the version, read the release's checksum (the `.sha256`
 * beside the asset), then take the release archive from the runner's tool cache, the Actions
 * cache or a download, and use it only if it matches that checksum. What goes on PATH is the
 * archive's content: a copy already in the tool cache is used only when it is identical to it.
 * Anything restored that does not match is removed and refused: nothing goes on PATH.
 */
import { chmod, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { type CacheEntry, type CacheOutcome, cliEntry } from '../cache/cache-entries.js';
import type { CacheStore } from '../cache/cache-store.js';
import { restoreEntries } from '../cache/caches.js';
import * as log from '../log.js';
import { ChecksumError, expectedHash, sha256File } from './checksum.js';
import type { Platform } from './platform.js';
import { assertSafeUrl, assetUrl, checksumUrl } from './release-url.js';
import { resolveVersion } from './resolve-version.js';
import { treeDifferences } from './tree-diff.js';

export interface InstallRequest {
  readonly version: string;
  readonly downloadUrl: string;
  readonly githubToken: string;
  readonly platform: Platform;
  /** null: caching is off. */
  readonly store: CacheStore | null;
}

export interface Installed {
  readonly tag: string;
  /** Absolute path of the binary. */
  readonly bin: string;
  /** The CLI's cache entry when it missed (post saves it). */
  readonly cacheMisses: readonly CacheEntry[];
  /** What the restore of the CLI's archive found (empty when the tool cache had it). */
  readonly cacheOutcomes: readonly CacheOutcome[];
}

/** The release asset and what its `.sha256` says it must hash to. */
interface Release {
  readonly url: string;
  readonly sumsUrl: string;
  readonly fileName: string;
  readonly sha256: string;
}

export async function installStigmer(request: InstallRequest): Promise<Installed> {
  const { platform, store } = request;
  const tag = await resolveVersion(request.version, request.githubToken);
  const release = await releaseChecksum(assetUrl(request.downloadUrl, tag, platform));
  const dir = installDir(tag, platform);
  const archiveDir = `${dir}.archive`;
  const archive = path.join(archiveDir, release.fileName);
  const entry = cliEntry(archiveDir, tag, platform, release);
  let cacheMisses: CacheEntry[] = [];
  let cacheOutcomes: CacheOutcome[] = [];
  let restored: Source | null = null;
  if (await isFile(archive)) restored = TOOL_CACHE;
  else if (store) {
    ({ misses: cacheMisses, outcomes: cacheOutcomes } = await restoreEntries(store, [entry]));
    if (await isFile(archive))
      restored = {
        name: `the ${store.name} (key ${entry.key})`,
        fix: `Delete that entry (\`gh cache delete ${entry.key}\`, or the repository's Actions > Caches page), then run again.`,
      };
  }
  if (restored) {
    await verifyRestored(archive, release, tag, restored, [archiveDir, dir]);
  } else {
    await download(release, archiveDir);
    if (store && cacheMisses.length === 0 && store.available()) cacheMisses = [entry];
  }
  await installFrom(archive, release, tag, dir, platform);
  core.addPath(dir);
  log.info(`stigmer ${tag} is on PATH: ${path.join(dir, platform.exe)}`);
  return { tag, bin: path.join(dir, platform.exe), cacheMisses, cacheOutcomes };
}

/** `<tool cache>/stigmer/<tag>/<os>-<arch>`: persistent on self-hosted runners, per job on hosted ones. */
function installDir(tag: string, platform: Platform): string {
  const root = process.env.RUNNER_TOOL_CACHE || process.env.RUNNER_TEMP || os.tmpdir();
  return path.join(root, 'stigmer', tag, `${platform.os}-${platform.arch}`);
}

/** Read first, on every run: it is what every copy, cached or downloaded, is checked against. */
async function releaseChecksum(url: string): Promise<Release> {
  assertSafeUrl(url, '`download-url`');
  const sumsUrl = checksumUrl(url);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  const sums = await fetchFile(sumsUrl, "the release's checksum file");
  try {
    const sha256 = expectedHash(await readFile(sums, 'utf8'), fileName, sumsUrl);
    return { url, sumsUrl, fileName, sha256 };
  } finally {
    await rm(sums, { force: true });
  }
}

/** Where a restored archive came from, and what to do when it does not match. */
interface Source {
  readonly name: string;
  readonly fix: string;
}

const TOOL_CACHE: Source = {
  name: "the runner's tool cache",
  fix: 'Something else on this runner writes to the tool cache: find out what before trusting it.',
};

/** An archive from a cache: refused (and removed from disk, so it is not used again) unless it matches. */
async function verifyRestored(
  archive: string,
  release: Release,
  tag: string,
  source: Source,
  remove: readonly string[],
): Promise<void> {
  const actual = await sha256File(archive);
  if (actual === release.sha256) {
    log.info(
      `stigmer ${tag} archive from ${source.name}: sha256 ${actual} matches ${release.sumsUrl}`,
    );
    return;
  }
  for (const p of remove) await rm(p, { recursive: true, force: true });
  throw new ChecksumError(
    `The stigmer ${tag} archive restored from ${source.name} (${archive}) has sha256 ${actual}, but ${release.sumsUrl} says ${release.sha256}: it is corrupt or was tampered with. It was removed and nothing was installed. ${source.fix}`,
  );
}

async function download(release: Release, archiveDir: string): Promise<void> {
  log.info(`Downloading ${release.url}`);
  const file = await fetchFile(release.url);
  try {
    const actual = await sha256File(file);
    if (actual !== release.sha256)
      throw new ChecksumError(
        `Checksum mismatch for ${release.fileName}: ${release.sumsUrl} says sha256 ${release.sha256}, the download has ${actual}. The file is corrupt or was tampered with; nothing was installed. Check \`download-url\` (a mirror must serve the same files as the release).`,
      );
    log.info(`sha256 ${actual} matches ${release.sumsUrl}`);
    await rm(archiveDir, { recursive: true, force: true });
    await mkdir(archiveDir, { recursive: true });
    await cp(file, path.join(archiveDir, release.fileName));
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Puts the verified archive's content in `dir`. A copy already there is used only if it is
 * identical, file for file; otherwise it is removed and refused (something changed the tool
 * cache: the next run installs afresh).
 */
async function installFrom(
  archive: string,
  release: Release,
  tag: string,
  dir: string,
  platform: Platform,
): Promise<void> {
  const extracted = release.fileName.endsWith('.zip')
    ? await tc.extractZip(archive)
    : await tc.extractTar(archive, undefined, 'xz');
  try {
    const found = await findBinary(extracted, platform.exe);
    if (!found)
      throw new Error(
        `${release.fileName} holds no ${platform.exe} (looked in its top two levels). Check \`download-url\`: it must point to the stigmer CLI's release archive.`,
      );
    const content = path.dirname(found);
    if (platform.os !== 'windows') await chmod(found, 0o755);
    if ((await readdir(dir).catch(() => [])).length > 0) {
      const differences = await treeDifferences(content, dir);
      if (differences.length === 0) {
        log.info(
          `stigmer ${tag} found in the runner's tool cache, identical to the release: ${dir}`,
        );
        return;
      }
      await rm(dir, { recursive: true, force: true });
      throw new ChecksumError(
        `The stigmer ${tag} in the runner's tool cache (${dir}) differs from the release: ${differences.join('; ')}. It was removed and nothing was put on PATH; the next run installs it afresh. Something else on this runner wrote to the tool cache: find out what before trusting it.`,
      );
    }
    await mkdir(path.dirname(dir), { recursive: true });
    // Copied beside, then renamed: a half-written copy is never taken for an installed one.
    const staging = `${dir}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await cp(content, staging, { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } finally {
    await rm(extracted, { recursive: true, force: true });
  }
}

async function fetchFile(url: string, what = 'the stigmer release'): Promise<string> {
  try {
    return await tc.downloadTool(url);
  } catch (error) {
    const status = error instanceof tc.HTTPError ? error.httpStatusCode : undefined;
    const hint =
      status === 404
        ? ' Not found: check `version` (a tag such as v1.2.3) and `download-url` (each asset must have its `.sha256` beside it).'
        : ' Check `download-url` and the runner network.';
    throw new Error(`Cannot download ${what} from ${url}: ${(error as Error).message}.${hint}`, {
      cause: error,
    });
  }
}

async function findBinary(root: string, exe: string, depth = 2): Promise<string | null> {
  const entries = await readdir(root, { withFileTypes: true });
  const direct = entries.find((e) => e.isFile() && e.name === exe);
  if (direct) return path.join(root, direct.name);
  if (depth === 0) return null;
  for (const e of entries.filter((d) => d.isDirectory())) {
    const found = await findBinary(path.join(root, e.name), exe, depth - 1);
    if (found) return found;
  }
  return null;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
