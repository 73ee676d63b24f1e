/**
 * Installing the CLI from a release: a local HTTP server (127.0.0.1, no network here) stands in
 * for GitHub's releases API and release assets (a tar.gz holding a `stigmer` launcher for the
 * emulator, with its `.sha256`, good or bad).
 *
 * Caches: GitHub's cache service cannot be reached outside a GitHub-hosted job, so these tests
 * set STIGMER_ACTION_CACHE_DIR, which swaps the production store (@actions/cache) for a
 * directory-backed test double behind the same CacheStore interface (src/cache/cache-store.ts).
 *
 * The install-only tests run pre with `config` set (the stack then starts in main, not pre), so
 * they run on Windows too; the full flow with the installed binary is POSIX only (see
 * lifecycle.test.ts).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Job } from './helpers/action-runner.js';
import { expectOk, type Fixture, fixture, printed } from './helpers/fixture.js';
import { ASSET, type ReleaseServer, startReleaseServer, TAG } from './helpers/release-server.js';

const run = promisify(execFile);

let dir: string;
let releases: ReleaseServer;
let f: Fixture | undefined;
const jobs: Job[] = [];
const EXE = process.platform === 'win32' ? 'stigmer.exe' : 'stigmer';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-action-install-'));
  releases = await startReleaseServer(dir);
});
afterAll(async () => {
  await releases.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  releases.checksum = 'good';
  releases.requests.length = 0;
  await f?.dispose();
  f = undefined;
  for (const job of jobs.splice(0)) await job.end();
});

/** A job that only installs (`config` set: pre starts nothing), with its own directories. */
async function installJob(name: string, env: Record<string, string> = {}): Promise<Job> {
  const jobDir = path.join(dir, name);
  await mkdir(jobDir, { recursive: true });
  const job = new Job({ dir: jobDir, apiUrl: releases.url, env });
  jobs.push(job);
  return job;
}

const installInputs = () => ({ 'download-url': releases.downloadUrl, config: 'e2e/profile.json' });

describe('install', () => {
  it('resolves `latest`, verifies the checksum, puts stigmer on PATH; the cache saves it; a later job restores it', async () => {
    const cacheDir = path.join(dir, 'cache-1');
    const cacheEnv = { STIGMER_ACTION_CACHE_DIR: cacheDir, STIGMER_LLM_MODEL: 'qwen2.5:0.5b' };
    const job = await installJob('first', cacheEnv);
    const step = job.step(installInputs());
    const pre = expectOk(await step.run('pre'));
    const installed = path.join(job.toolCache, 'stigmer', TAG);
    expect(pre.path).toHaveLength(1);
    expect(pre.path[0]!.startsWith(installed)).toBe(true);
    expect(await readdir(pre.path[0]!)).toEqual(expect.arrayContaining([EXE, 'LICENSE']));
    expect(pre.state).toMatchObject({ version: TAG, bin: path.join(pre.path[0]!, EXE) });
    expect(printed(pre)).toMatch(/sha256 [0-9a-f]{64} matches/);
    expect(releases.requests).toEqual([
      '/repos/stigmer/stigmer/releases/latest',
      `/download/${TAG}/${ASSET}.sha256`,
      `/download/${TAG}/${ASSET}`,
    ]);
    expect(JSON.parse(pre.state['cache-misses']!).map((e: { key: string }) => e.key)).toEqual([
      expect.stringMatching(new RegExp(`^stigmer-cli-${TAG}-`)),
      expect.stringMatching(new RegExp(`^stigmer-tools-${TAG}-`)),
      'ollama-model-qwen2.5:0.5b',
    ]);

    // The CLI's first start would download Temporal into ~/.stigmer/bin: fake that.
    await mkdir(path.join(job.home, '.stigmer', 'bin'), { recursive: true });
    await writeFile(path.join(job.home, '.stigmer', 'bin', 'temporal'), 'temporal');
    // ...and Ollama would pull the model into ~/.ollama/models.
    await mkdir(path.join(job.home, '.ollama', 'models', 'blobs'), { recursive: true });
    await writeFile(path.join(job.home, '.ollama', 'models', 'blobs', 'sha256-1'), 'weights');
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain(`Saved stigmer ${TAG} to the directory cache`);
    expect(printed(post)).toContain('Saved ~/.stigmer/bin to the directory cache');
    expect(printed(post)).toContain('Saved Ollama model qwen2.5:0.5b to the directory cache');

    // A later job on a fresh machine (same paths, as on hosted runners; empty tool cache and HOME)
    // restores both and downloads nothing.
    releases.requests.length = 0;
    for (const d of [job.toolCache, job.home]) await rm(d, { recursive: true, force: true });
    const later = await installJob('first', cacheEnv);
    const step2 = later.step({ ...installInputs(), version: TAG });
    const pre2 = expectOk(await step2.run('pre'));
    expect(printed(pre2)).toContain(`Restored stigmer ${TAG} from the directory cache`);
    expect(printed(pre2)).toContain('Restored ~/.stigmer/bin from the directory cache');
    expect(printed(pre2)).toContain('Restored Ollama model qwen2.5:0.5b from the directory cache');
    expect(await readdir(path.join(later.home, '.ollama', 'models', 'blobs'))).toEqual([
      'sha256-1',
    ]);
    // Only the checksum, which what was restored is verified against.
    expect(releases.requests).toEqual([`/download/${TAG}/${ASSET}.sha256`]);
    expect(printed(pre2)).toMatch(
      new RegExp(`stigmer ${TAG} archive from the directory cache .*: sha256 [0-9a-f]{64} matches`),
    );
    expect(await readdir(pre2.path[0]!)).toContain(EXE);
    expect(JSON.parse(pre2.state['cache-misses']!)).toEqual([]);
    const post2 = expectOk(await step2.run('post'));
    expect(printed(post2)).not.toContain('Saved');
  });

  it('a checksum mismatch is refused: pre fails and nothing is put on PATH', async () => {
    releases.checksum = 'bad';
    const job = await installJob('bad-checksum');
    const step = job.step({ ...installInputs(), cache: 'false' });
    const pre = await step.run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toMatch(
      new RegExp(
        `::error::Checksum mismatch for ${ASSET.replace(/\./g, '\\.')}: .* says sha256 [0-9a-f]{64}, the download has [0-9a-f]{64}\\. .*nothing was installed`,
      ),
    );
    expect(pre.path).toEqual([]);
    expect(pre.state.bin).toBeUndefined();
    expect(await readdir(path.join(job.toolCache, 'stigmer')).catch(() => [])).toEqual([]);
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('nothing to release');
  });

  it.each([
    {
      change: 'the binary replaced',
      poison: (bin: string) => writeFile(bin, EVIL),
      error: `The stigmer ${TAG} in the runner's tool cache \\(.*\\) differs from the release: ${EXE} has sha256 [0-9a-f]{64}, the release archive holds [0-9a-f]{64}.*removed.*nothing was put on PATH`,
    },
    {
      change: 'a program added beside it (it would shadow `ls` on PATH)',
      poison: (bin: string) => writeFile(path.join(path.dirname(bin), 'ls'), EVIL),
      error: `differs from the release: ls is not in the release archive.*nothing was put on PATH`,
    },
    {
      change: 'the kept release archive replaced',
      poison: async (bin: string) => {
        await poisonArchives(`${path.dirname(bin)}.archive`);
      },
      error: `The stigmer ${TAG} archive restored from the runner's tool cache \\(.*\\) has sha256 [0-9a-f]{64}, but .*\\.sha256 says [0-9a-f]{64}.*removed and nothing was installed`,
    },
  ])(
    'a tool-cache copy (persistent on a self-hosted runner) with $change is refused and removed; nothing goes on PATH',
    async ({ poison, error }) => {
      const job = await installJob(`poisoned-tool-cache-${Math.random().toString(36).slice(2)}`);
      const first = expectOk(await job.step({ ...installInputs(), cache: 'false' }).run('pre'));
      const bin = first.state.bin!;
      const genuine = await readFile(bin);
      // Something else on the machine changed the tool cache (the next job runs with its API keys).
      await poison(bin);
      const pre = await job.step({ ...installInputs(), version: TAG, cache: 'false' }).run('pre');
      expect(pre.code).toBe(1);
      expect(pre.stdout).toMatch(new RegExp(`::error::.*${error}`));
      expect(pre.path).toEqual([]);
      expect(pre.state.bin).toBeUndefined();
      expect(await readdir(path.dirname(bin)).catch(() => 'removed')).toBe('removed');
      // Not reused: the next job installs the genuine binary again.
      const next = expectOk(await job.step({ ...installInputs(), cache: 'false' }).run('pre'));
      expect(next.path).toEqual([path.dirname(bin)]);
      expect(await readFile(next.state.bin!)).toEqual(genuine);
    },
  );

  it('a poisoned Actions cache entry is refused: nothing goes on PATH or stays in the tool cache', async () => {
    // The cache service is GitHub's and cannot be reached here: the directory-backed store
    // (STIGMER_ACTION_CACHE_DIR) stands in for it; the entry is poisoned inside that directory.
    const cacheDir = path.join(dir, 'cache-poisoned');
    const env = { STIGMER_ACTION_CACHE_DIR: cacheDir };
    const job = await installJob('poisoned-cache', env);
    const step = job.step(installInputs());
    expectOk(await step.run('pre'));
    expect(printed(expectOk(await step.run('post')))).toContain(`Saved stigmer ${TAG}`);
    const poisoned = await poisonCliEntries(cacheDir);
    expect(poisoned).toBeGreaterThan(0);

    await rm(job.toolCache, { recursive: true, force: true }); // a fresh hosted runner
    const later = await installJob('poisoned-cache', env);
    const pre = await later.step({ ...installInputs(), version: TAG }).run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toMatch(
      new RegExp(
        `::error::The stigmer ${TAG} archive restored from the directory cache .* has sha256 [0-9a-f]{64}, but .*\\.sha256 says [0-9a-f]{64}.*nothing was installed.*gh cache delete`,
      ),
    );
    expect(pre.path).toEqual([]);
    expect(pre.state.bin).toBeUndefined();
    expect(await readdir(path.join(later.toolCache, 'stigmer', TAG)).catch(() => [])).toEqual([]);
  });

  it('a missing checksum file is refused too', async () => {
    releases.checksum = 'missing';
    const job = await installJob('no-checksum');
    const pre = await job.step({ ...installInputs(), cache: 'false' }).run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toMatch(
      /::error::Cannot download the release's checksum file from .*\.sha256: .*404.*Not found/,
    );
    expect(pre.path).toEqual([]);
  });

  it('plain http to a host that is not loopback is refused before any download', async () => {
    const job = await installJob('http');
    const pre = await job
      .step({
        config: 'x.json',
        cache: 'false',
        version: TAG,
        'download-url': 'http://mirror.example/{version}/stigmer.tar.gz',
      })
      .run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toContain(
      '::error::`download-url`: refusing `http://mirror.example/v1.4.2/stigmer.tar.gz`: downloads must use https',
    );
  });

  it('an unknown version says how to fix it', async () => {
    const job = await installJob('unknown-version');
    const pre = await job
      .step({ ...installInputs(), cache: 'false', version: 'v9.9.9' })
      .run('pre');
    expect(pre.code).toBe(1);
    expect(pre.stdout).toMatch(
      /::error::Cannot download the release's checksum file from .*v9\.9\.9.*Not found: check `version`/,
    );
  });
});

describe.skipIf(process.platform === 'win32')('install, then run the installed stigmer', () => {
  it('pre installs and starts the stack with the installed binary (none on PATH); post stops it', async () => {
    f = await fixture({}, { apiUrl: releases.url, stigmerOnPath: false });
    const step = f.job.step({ 'download-url': releases.downloadUrl, cache: 'false' });
    const pre = expectOk(await step.run('pre'));
    expect(pre.state['lease-id']).toBeDefined();
    const main = expectOk(await step.run('main'));
    expect(main.outputs).toMatchObject({ available: 'true', owned: 'true' });
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toMatch(
      /stopped in [\d.]+ s \(this job started it and was the last one using it\)/,
    );
    expect(await f.stack.accepting()).toBe(false);
  });
});

/** A `stigmer` that is not the release's. */
const EVIL = '#!/bin/sh\necho "not the release: I have your $ANTHROPIC_API_KEY"\n';

/** Replaces, under `root`, each `stigmer` binary by EVIL and each archive by one holding it. */
async function poisonArchives(root: string): Promise<number> {
  const evilDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-action-evil-'));
  try {
    await mkdir(path.join(evilDir, `stigmer-${TAG}`));
    await writeFile(path.join(evilDir, `stigmer-${TAG}`, EXE), EVIL, { mode: 0o755 });
    await run('tar', ['-czf', 'evil.tar.gz', `stigmer-${TAG}`], { cwd: evilDir });
    const evilArchive = await readFile(path.join(evilDir, 'evil.tar.gz'));
    let count = 0;
    const files = await readdir(root, { recursive: true, withFileTypes: true });
    for (const f of files.filter((e) => e.isFile())) {
      const file = path.join(f.parentPath, f.name);
      if (f.name === EXE) await writeFile(file, EVIL);
      else if (f.name.endsWith('.tar.gz')) await writeFile(file, evilArchive);
      else continue;
      count += 1;
    }
    return count;
  } finally {
    await rm(evilDir, { recursive: true, force: true });
  }
}

/** Poisons every saved CLI entry of a directory cache; returns how many files were replaced. */
async function poisonCliEntries(cacheDir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(cacheDir))
    if (decodeURIComponent(entry).startsWith('stigmer-cli-'))
      count += await poisonArchives(path.join(cacheDir, entry));
  return count;
}
