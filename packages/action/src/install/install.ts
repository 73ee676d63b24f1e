/**
 * Installing the `stigmer` CLI: resolve the version, take it from the runner's tool cache or the
 * Actions cache, else download the release asset, check it against the `.sha256` beside it
 * (nothing is installed on a mismatch), extract, and put it on PATH.
 */
import { chmod, cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { type CacheEntry, cliEntry } from '../cache/cache-entries.js';
import type { CacheStore } from '../cache/cache-store.js';
import { restoreEntries } from '../cache/caches.js';
import * as log from '../log.js';
import { ChecksumError, expectedHash, sha256File } from './checksum.js';
import type { Platform } from './platform.js';
import { assertSafeUrl, assetUrl, checksumUrl } from './release-url.js';
import { resolveVersion } from './resolve-version.js';

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
}

export async function installStigmer(request: InstallRequest): Promise<Installed> {
  const { platform, store } = request;
  const tag = await resolveVersion(request.version, request.githubToken);
  const dir = installDir(tag, platform);
  const bin = path.join(dir, platform.exe);
  const entry = cliEntry(dir, tag, platform);
  let cacheMisses: CacheEntry[] = [];
  if (await isFile(bin)) {
    log.info(`stigmer ${tag} found in the runner's tool cache: ${dir}`);
  } else {
    if (store) cacheMisses = await restoreEntries(store, [entry]);
    if (!(await isFile(bin))) {
      await downloadAndInstall(assetUrl(request.downloadUrl, tag, platform), dir, platform);
      if (store && cacheMisses.length === 0 && store.available()) cacheMisses = [entry];
    }
  }
  core.addPath(dir);
  log.info(`stigmer ${tag} is on PATH: ${bin}`);
  return { tag, bin, cacheMisses };
}

/** `<tool cache>/stigmer/<tag>/<os>-<arch>`: persistent on self-hosted runners, per job on hosted ones. */
function installDir(tag: string, platform: Platform): string {
  const root = process.env.RUNNER_TOOL_CACHE || process.env.RUNNER_TEMP || os.tmpdir();
  return path.join(root, 'stigmer', tag, `${platform.os}-${platform.arch}`);
}

async function downloadAndInstall(url: string, dir: string, platform: Platform): Promise<void> {
  assertSafeUrl(url, '`download-url`');
  const sumsUrl = checksumUrl(url);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  log.info(`Downloading ${url}`);
  const archive = await download(url);
  let extracted: string | undefined;
  try {
    const sums = await download(sumsUrl, 'its checksum file');
    const expected = expectedHash(await readFile(sums, 'utf8'), fileName, sumsUrl);
    await rm(sums, { force: true });
    const actual = await sha256File(archive);
    if (actual !== expected)
      throw new ChecksumError(
        `Checksum mismatch for ${fileName}: ${sumsUrl} says sha256 ${expected}, the download has ${actual}. The file is corrupt or was tampered with; nothing was installed. Check \`download-url\` (a mirror must serve the same files as the release).`,
      );
    log.info(`sha256 ${actual} matches ${sumsUrl}`);
    extracted = fileName.endsWith('.zip')
      ? await tc.extractZip(archive)
      : await tc.extractTar(archive, undefined, 'xz');
    const found = await findBinary(extracted, platform.exe);
    if (!found)
      throw new Error(
        `${fileName} holds no ${platform.exe} (looked in its top two levels). Check \`download-url\`: it must point to the stigmer CLI's release archive.`,
      );
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true });
    await cp(path.dirname(found), dir, { recursive: true });
    if (platform.os !== 'windows') await chmod(path.join(dir, platform.exe), 0o755);
  } finally {
    await rm(archive, { force: true });
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}

async function download(url: string, what = 'the stigmer release'): Promise<string> {
  try {
    return await tc.downloadTool(url);
  } catch (error) {
    const status = error instanceof tc.HTTPError ? error.httpStatusCode : undefined;
    const hint =
      status === 404
        ? ' Not found: check `version` (a tag such as v1.2.3) and `download-url`.'
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
