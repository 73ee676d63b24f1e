/**
 * The agent-runner image cache: the first start on a runner pulls
 * ghcr.io/stigmer/agent-runner:latest (minutes in reality: the `imagePullMs` knob here), post
 * `docker save`s it into the cache, and pre of the next job on a fresh machine `docker load`s it
 * before the stack starts, so the supervisor finds it and pulls nothing.
 *
 * Mocks, because the real things cannot run here: GitHub's cache service (reached only from a
 * GitHub-hosted job) is replaced by the directory-backed store that STIGMER_ACTION_CACHE_DIR
 * selects (src/cache/cache-store.ts); the Docker engine by the emulator's `docker` stand-in,
 * whose state (its image store) is a directory of each machine.
 * Skipped on Windows for the reason given in lifecycle.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KNOB_ENV } from '@stigmer/e2e-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, type Fixture, fixture, printed } from './helpers/fixture.js';

const IMAGE = 'ghcr.io/stigmer/agent-runner:latest';
const PULLING = 'Agent-runner image not found locally, pulling...';
/** The first start's image pull: slow enough to tell from a load, short enough for a test. */
const KNOBS = { imagePullMs: 4_000 };
let dir: string;
let f: Fixture | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-action-image-cache-'));
});
afterEach(async () => {
  await f?.dispose();
  f = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** The docker stand-in's image store of this machine: the tags of each image, by id. */
async function dockerImages(fx: Fixture): Promise<Array<{ Id: string; RepoTags: string[] }>> {
  const file = path.join(fx.stack.env[KNOB_ENV.dockerDir]!, 'images.json');
  const text = await readFile(file, 'utf8').catch(() => '{"images":[]}');
  return (JSON.parse(text) as { images: Array<{ Id: string; RepoTags: string[] }> }).images;
}

const serverLog = (fx: Fixture) =>
  readFile(path.join(fx.job.home, '.stigmer', 'data', 'logs', 'stigmer-server.log'), 'utf8');

/** The job summary's row for the image cache. */
const imageRow = (summary: string) =>
  summary.split('\n').find((line) => line.startsWith(`| image ${IMAGE} |`));

describe.skipIf(process.platform === 'win32')(
  'agent-runner image cache',
  { timeout: 180_000 },
  () => {
    it('the first job pulls the image and post saves it; the next job, on a fresh machine, loads it in pre and pulls nothing', async () => {
      const machine = path.join(dir, 'machine');
      const env = { STIGMER_ACTION_CACHE_DIR: path.join(dir, 'cache') };
      const inputs = { install: 'false', cache: 'true' };

      // First job: nothing cached, no image on the machine.
      f = await fixture(KNOBS, { at: machine, env });
      const step = f.job.step(inputs);
      const pre = expectOk(await step.run('pre'));
      expect(printed(pre)).toContain(`No cache for image ${IMAGE}`);
      expectOk(await step.run('main'));
      expect(await serverLog(f)).toContain(PULLING);
      const pulled = (await dockerImages(f)).find((image) => image.RepoTags.includes(IMAGE));
      expect(pulled).toBeDefined();
      const post = expectOk(await step.run('post'));
      expect(printed(post)).toContain(`Saved image ${IMAGE} to the directory cache`);
      expect(imageRow(post.summary)).toMatch(
        /^\| image \S+ \| no: fetched cold this time, saved for the next job \| [\d.]+ s \|$/,
      );
      await f.dispose(); // the machine goes, HOME and docker state with it; the cache stays
      f = undefined;

      // Second job: a fresh machine at the same paths (an empty docker image store).
      f = await fixture(KNOBS, { at: machine, env });
      expect(await dockerImages(f)).toEqual([]);
      const step2 = f.job.step(inputs);
      const pre2 = expectOk(await step2.run('pre'));
      expect(printed(pre2)).toContain(`Restored image ${IMAGE} from the directory cache`);
      // Loaded by pre, before the stack starts: the very image the first job pulled.
      expect((await dockerImages(f)).find((image) => image.RepoTags.includes(IMAGE))?.Id).toBe(
        pulled!.Id,
      );
      const main2 = expectOk(await step2.run('main'));
      expect(main2.outputs.available).toBe('true');
      const log2 = await serverLog(f);
      expect(log2).toContain('Agent-runner started');
      expect(log2).not.toContain(PULLING);
      const post2 = expectOk(await step2.run('post'));
      expect(printed(post2)).not.toContain(`Saved image ${IMAGE}`);
      expect(imageRow(post2.summary)).toMatch(/^\| image \S+ \| yes \| [\d.]+ s \|$/);
    });
  },
);
