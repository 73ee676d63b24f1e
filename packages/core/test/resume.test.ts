/**
 * Starting without waiting and resuming later from another process: what a GitHub Action's pre
 * (start in the background) and main (wait) do, each a separate node process.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineServer, ensureServer, releaseServer, serverStatus } from '../src/index.js';
import { fixtureStack } from './helpers/fixture-profile.js';
import { isRunning, lifecycleEvents, portAccepts } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const run = promisify(execFile);
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('resume');
});
afterEach(async () => {
  await temp.remove();
});

/** Runs `ensureServer(spec, { wait: false, lease: explicit })` in a separate process that then exits. */
async function startInAnotherProcess(
  specFile: string,
): Promise<{ leaseId: string; pending: boolean; outcome: string }> {
  const script = path.join(temp.dir, 'pre.mjs');
  const index = new URL('../dist/index.js', import.meta.url).href;
  await writeFile(
    script,
    `import { readFileSync } from 'node:fs';
import { defineServer, ensureServer } from ${JSON.stringify(index)};
const spec = JSON.parse(readFileSync(${JSON.stringify(specFile)}, 'utf8'));
const handle = await ensureServer(defineServer(spec), { wait: false, lease: { kind: 'explicit', label: 'pre' } });
process.stdout.write(JSON.stringify(handle.snapshot()));`,
  );
  const { stdout } = await run(process.execPath, [script]);
  return JSON.parse(stdout);
}

describe('wait: false, then resume', () => {
  it('the start outlives the process that made it; resuming waits and owns it', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '1500' });
    const pre = await startInAnotherProcess(stack.specFile);
    expect(pre).toMatchObject({ pending: true, outcome: 'started' });
    const main = await ensureServer(defineServer(stack.spec), { resume: pre.leaseId });
    expect(main).toMatchObject({
      available: true,
      owned: true,
      outcome: 'started',
      leaseId: pre.leaseId,
    });
    // A test step in between reuses it and never owns it.
    const tests = await ensureServer(defineServer(stack.spec));
    expect(tests).toMatchObject({ available: true, owned: false, outcome: 'joined' });
    expect((await tests.release()).stop).toBeNull();
    const post = await releaseServer(stack.spec, pre.leaseId);
    expect(post).toMatchObject({ released: true, stop: { stopped: true }, remaining: 0 });
    expect(await portAccepts(stack.port)).toBe(false);
    expect((await lifecycleEvents(stack.startsFile)).map((e) => e.what)).toEqual(['start', 'stop']);
  });

  it('a server that died between the start and the resume: unavailable at once, cleaned up', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '300', FIXTURE_FAIL: '1' });
    const pre = await startInAnotherProcess(stack.specFile);
    const main = await ensureServer(defineServer(stack.spec), {
      resume: pre.leaseId,
      onUnavailable: 'skip',
      timeoutMs: 20_000,
    });
    expect(main.available).toBe(false);
    expect(main.reason).toMatch(/the server process .* exited before it was ready/);
    expect(main.logTails.flatMap((t) => t.lines).join('\n')).toContain('simulated failure');
    expect(await serverStatus(defineServer(stack.spec))).toMatchObject({ owner: null, leases: [] });
  });

  it('resuming a lease that is gone says so', async () => {
    const stack = await fixtureStack(temp.dir);
    const handle = await ensureServer(defineServer(stack.spec), {
      resume: 'no-such-lease',
      onUnavailable: 'skip',
    });
    expect(handle.available).toBe(false);
    expect(handle.reason).toMatch(/lease no-such-lease is gone/);
    expect((await lifecycleEvents(stack.startsFile)).length).toBe(0);
  });

  it('stop: never leaves an owned stack running and forgets it was ours', async () => {
    const stack = await fixtureStack(temp.dir);
    const handle = await ensureServer(defineServer(stack.spec), { lease: { kind: 'explicit' } });
    const result = await releaseServer(stack.spec, handle.leaseId!, { stop: 'never' });
    expect(result.stop).toBeNull();
    expect(await portAccepts(stack.port)).toBe(true);
    const again = await ensureServer(defineServer(stack.spec));
    expect(again.outcome).toBe('reused');
    await again.release();
    expect(await portAccepts(stack.port)).toBe(true);
    const pid = (await lifecycleEvents(stack.startsFile))[0]!.pid;
    process.kill(pid, 'SIGTERM');
    while (await isRunning(pid)) await new Promise((r) => setTimeout(r, 20));
  });

  it('an explicit lease with a time-to-live is dead once it expires', async () => {
    const stack = await fixtureStack(temp.dir);
    const handle = await ensureServer(defineServer(stack.spec), {
      lease: { kind: 'explicit', ttlMs: 300 },
    });
    expect(handle.owned).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    const status = await serverStatus(defineServer(stack.spec));
    expect(status.leases).toEqual([expect.objectContaining({ id: handle.leaseId, alive: false })]);
    // The next run finds no live lease on our stack: it adopts it, and its release stops it.
    const next = await ensureServer(defineServer(stack.spec));
    expect(next.outcome).toBe('adopted');
    await next.release();
    expect(await portAccepts(stack.port)).toBe(false);
  });
});
