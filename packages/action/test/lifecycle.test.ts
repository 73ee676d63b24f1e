/**
 * The bundle run as the runner runs it (three node processes, file commands, STATE_*), against
 * the emulated `stigmer` already on PATH (`install: false`). Caching is off here; see
 * install.test.ts for caches.
 *
 * Skipped on Windows: the emulated `stigmer` is a Node script behind a `#!/bin/sh` launcher, and
 * core starts the CLI directly (as it would the real stigmer.exe), which Windows cannot do with
 * a script. The install tests and the unit tests run there.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureServer, stigmer } from '@stigmer/e2e-core';
import { waitFor } from '@stigmer/e2e-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionStep, Job } from './helpers/action-runner.js';
import { expectOk, type Fixture, fixture, printed } from './helpers/fixture.js';
import { type ReleaseServer, startReleaseServer } from './helpers/release-server.js';

const UUID = /^[0-9a-f-]{36}$/;
const NO_INSTALL = { install: 'false', cache: 'false' };
let api: ReleaseServer;
let apiDir: string;
let f: Fixture | undefined;

beforeAll(async () => {
  apiDir = await mkdtemp(path.join(os.tmpdir(), 'e2e-action-api-'));
  api = await startReleaseServer(apiDir);
});
afterAll(async () => {
  await api.close();
  await rm(apiDir, { recursive: true, force: true });
});
afterEach(async () => {
  api.jobSteps = [];
  await f?.dispose();
  f = undefined;
});

/** A later step of the job running tests the way the Vitest adapter does: a process lease. */
async function testStep(fx: Fixture, env: Record<string, string>) {
  return ensureServer(
    stigmer({
      bin: path.join(fx.stack.binDir, 'stigmer'),
      home: fx.job.home,
      serverAddress: env.STIGMER_SERVER_ADDR!,
      temporalAddress: env.TEMPORAL_ADDRESS!,
    }),
    { onUnavailable: 'fail' },
  );
}

describe.skipIf(process.platform === 'win32')('llm-model', () => {
  it('starts the stack with the model, exports it, and later steps find no mismatch', async () => {
    f = await fixture({}, { apiUrl: api.url });
    const step = f.job.step({ ...NO_INSTALL, 'llm-model': 'qwen2.5:0.5b' });
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.env.STIGMER_LLM_MODEL).toBe('qwen2.5:0.5b');
    // The CLI never pulls a model and finds only the default one in this Ollama store: core
    // pulled it (`stigmer server llm pull`) and started again. The model is nowhere in a file of
    // the stack (the environment overrides config.yaml, which keeps its default): the CLI passes
    // it on to stigmer-server, whose own environment says what it runs with.
    const store = path.join(f.job.home, '.ollama', 'models', 'manifests', 'registry.ollama.ai');
    await expect(stat(path.join(store, 'library', 'qwen2.5', '0.5b'))).resolves.toBeTruthy();
    const daemon = await readFile(path.join(f.job.home, '.stigmer', 'data', 'daemon.pid'), 'utf8');
    const environ = await readFile(`/proc/${daemon.trim()}/environ`, 'utf8');
    expect(environ.split('\0')).toContain('STIGMER_LLM_MODEL=qwen2.5:0.5b');
    // A later step (the Vitest adapter) asks for the exported model: the same stack, as it is.
    const later = await ensureServer(
      stigmer({
        bin: path.join(f.stack.binDir, 'stigmer'),
        home: f.job.home,
        serverAddress: f.job.env.STIGMER_SERVER_ADDR!,
        temporalAddress: f.job.env.TEMPORAL_ADDRESS!,
        llm: { model: f.job.env.STIGMER_LLM_MODEL! },
      }),
      { onUnavailable: 'fail', onMismatch: 'unavailable' },
    );
    expect(later).toMatchObject({ available: true, outcome: 'joined', mismatch: [] });
    await later.release();
    expectOk(await step.run('post'));
  });
});

describe.skipIf(process.platform === 'win32')('pre, main, post (emulated stigmer)', () => {
  it('pre starts in the background; main waits, sets outputs and env; post stops what it owns', async () => {
    f = await fixture({ startDelayMs: 1_500 }, { apiUrl: api.url });
    const step = f.job.step(NO_INSTALL);

    const pre = expectOk(await step.run('pre'));
    expect(pre.state['lease-id']).toMatch(UUID);
    expect(pre.closeMs).toBeLessThan(5_000);
    expect(await f.stack.accepting()).toBe(false); // still booting: pre did not wait

    const main = expectOk(await step.run('main'));
    const address = `localhost:${f.stack.ports.server}`;
    expect(main.outputs).toMatchObject({
      available: 'true',
      owned: 'true',
      'lease-id': pre.state['lease-id'],
      'server-address': address,
      'temporal-address': `localhost:${f.stack.ports.temporal}`,
    });
    const status = JSON.parse(main.outputs.status!);
    expect(status).toMatchObject({ outcome: 'started', available: true, pending: false });
    expect(status.components.map((c: { name: string }) => c.name)).toEqual([
      'stigmer-server',
      'temporal',
      'workflow-runner',
      'agent-runner',
    ]);
    expect(main.env).toMatchObject({
      STIGMER_SERVER_ADDR: address,
      TEMPORAL_ADDRESS: `localhost:${f.stack.ports.temporal}`,
    });

    // Tests in a later step reuse the stack through the exported env and never own it.
    const tests = await testStep(f, f.job.env);
    expect(tests).toMatchObject({ available: true, owned: false, outcome: 'joined' });
    expect((await tests.release()).stop).toBeNull();
    expect(await f.stack.accepting()).toBe(true);

    const post = expectOk(await step.run('post'));
    expect(printed(post)).toMatch(
      /stopped in [\d.]+ s \(this job started it and was the last one using it\)/,
    );
    expect(await f.stack.accepting()).toBe(false);
    expect(post.stdout).not.toMatch(/::group::.* log \(last/); // the job went well: no logs
    expect(post.summary).toContain('**Available:** started by this job, which owns it, ready');
    expect(post.summary).toMatch(/\| temporal \| yes \| ✅ \|/);
    // Resource insight: each process of the stack, its peak memory and average CPU.
    expect(post.summary).toMatch(/\| stigmer-server \| \d+ \| [\d.]+ MiB \| [\d.]+% \|/);
    expect(post.summary).toMatch(/\*\*After the job:\*\* stigmer stopped in /);
    for (const r of step.results) expect(r.stdout).not.toContain('::warning::');
  });

  it('a stack that was already running is reused and left running', async () => {
    f = await fixture({}, { apiUrl: api.url });
    await f.stack.startByHand();
    const step = f.job.step(NO_INSTALL);
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.outputs).toMatchObject({ available: 'true', owned: 'false' });
    expect(JSON.parse(main.outputs.status!).outcome).toBe('reused');
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('left running: it was not started by stigmer-e2e.');
    expect(await f.stack.accepting()).toBe(true);
    expect(post.summary).toContain(
      '**Available:** already running, not started by stigmer-e2e: it will be left running',
    );
  });

  it('used twice in one job: each post stops only what its own use owns', async () => {
    f = await fixture({ startDelayMs: 500 }, { apiUrl: api.url });
    const first = f.job.step(NO_INSTALL);
    const second = f.job.step(NO_INSTALL);
    // The runner runs every pre at set-up, mains in order, posts in reverse order.
    expectOk(await first.run('pre'));
    expectOk(await second.run('pre'));
    expect(first.state['lease-id']).not.toBe(second.state['lease-id']);
    const main1 = expectOk(await first.run('main'));
    const main2 = expectOk(await second.run('main'));
    expect(main1.outputs).toMatchObject({ available: 'true', owned: 'true' });
    expect(main2.outputs).toMatchObject({ available: 'true', owned: 'false' });
    expect(JSON.parse(main2.outputs.status!).outcome).toBe('joined');

    const post2 = expectOk(await second.run('post'));
    expect(printed(post2)).toContain('left running');
    expect(await f.stack.accepting()).toBe(true);
    const post1 = expectOk(await first.run('post'));
    expect(printed(post1)).toMatch(
      /stopped in [\d.]+ s \(this job started it and was the last one using it\)/,
    );
    expect(await f.stack.accepting()).toBe(false);
  });

  it('a local action (`uses: ./`, no pre): main installs nothing, starts, waits; post stops', async () => {
    f = await fixture({ startDelayMs: 300 }, { apiUrl: api.url });
    const step = f.job.step(NO_INSTALL);
    const main = expectOk(await step.run('main'));
    expect(printed(main)).toContain('pre did not run');
    expect(main.outputs).toMatchObject({ available: 'true', owned: 'true' });
    expect(main.state['lease-id']).toMatch(UUID);
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('stopped');
    expect(await f.stack.accepting()).toBe(false);
  });

  it('main skipped (job cancelled or an earlier step failed): post still releases and stops', async () => {
    f = await fixture({}, { apiUrl: api.url });
    const step = f.job.step(NO_INSTALL);
    expectOk(await step.run('pre'));
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('Log tails of each component (main did not finish)');
    expect(post.stdout).toContain('::group::stigmer-server log');
    expect(printed(post)).toMatch(
      /stopped in [\d.]+ s \(this job started it and was the last one using it\)/,
    );
    expect(post.summary).toContain('main did not finish');
    // The stack may have been mid-boot: nothing of it survives.
    await new Promise((r) => setTimeout(r, 300));
    expect(await f.stack.accepting()).toBe(false);
  });

  it('post with no state at all (pre failed before doing anything) ends quietly', async () => {
    f = await fixture({}, { apiUrl: api.url });
    const post = expectOk(await f.job.step(NO_INSTALL).run('post'));
    expect(printed(post)).toContain('nothing to release');
    expect(post.stdout).not.toContain('::warning::');
    expect(post.stdout).not.toContain('::error::');
  });

  it('stop: never leaves an owned stack running', async () => {
    f = await fixture({}, { apiUrl: api.url });
    const step = f.job.step({ ...NO_INSTALL, stop: 'never' });
    expectOk(await step.run('pre'));
    expectOk(await step.run('main'));
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('left running (stop: never)');
    expect(await f.stack.accepting()).toBe(true);
  });

  it('when a step of the job failed, post prints each component log tail in a collapsed group', async () => {
    f = await fixture({}, { apiUrl: api.url });
    api.jobSteps = [
      { name: 'Set up job', conclusion: 'success' },
      { name: 'Run tests', conclusion: 'failure' },
    ];
    const step = f.job.step({ ...NO_INSTALL, 'log-lines': '5' });
    expectOk(await step.run('pre'));
    expectOk(await step.run('main'));
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain('Log tails of each component (the step "Run tests" failed)');
    for (const component of ['stigmer-server', 'temporal', 'workflow-runner', 'agent-runner'])
      expect(post.stdout).toMatch(new RegExp(`::group::${component} log \\(last \\d+ lines\\)`));
    // What each one really logs: zerolog lines from stigmer-server; agent-runner only through
    // `docker logs` of its container.
    expect(post.stdout).toMatch(/INF Stigmer Server started successfully port=\d+/);
    expect(post.stdout).toContain('--- `docker logs --tail 200 stigmer-agent-runner`');
    expect(post.stdout).toContain('Worker started, polling for agent executions');
    expect(post.stdout).toContain('::endgroup::');
    expect(printed(post)).toContain('stopped');
  });

  it('the job status cannot be read (no `actions: read`): post shows the logs anyway', async () => {
    f = await fixture({}, { apiUrl: api.url });
    api.jobSteps = null;
    const step = f.job.step(NO_INSTALL);
    expectOk(await step.run('pre'));
    expectOk(await step.run('main'));
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toContain("the job's status is unknown");
    expect(post.stdout).toContain('::group::stigmer-server log');
  });

  it('secrets in the environment are masked and never printed or written', async () => {
    const anthropic = 'sk-ant-fake-0123456789abcdefSECRET';
    const openai = 'sk-openai-fake-9876543210SECRET';
    // Secret by core's one policy, though neither is an LLM key the CLI reads.
    const gateway = 'gw-fake-token-5555555555';
    const password = 'pg-fake-password-7777';
    const secrets = [anthropic, openai, gateway, password];
    f = await fixture(
      {},
      {
        apiUrl: api.url,
        env: {
          ANTHROPIC_API_KEY: anthropic,
          OPENAI_API_KEY: openai,
          LLM_GATEWAY_TOKEN: gateway,
          PGPASSWORD: password,
          // The stack logs its base URL: the token inside it reaches the log tails post prints.
          STIGMER_LLM_BASE_URL: `https://ci:${gateway}@llm-gateway.example/v1`,
        },
      },
    );
    api.jobSteps = [{ name: 'Run tests', conclusion: 'failure' }]; // so post shows the logs
    const step = f.job.step(NO_INSTALL);
    for (const stage of ['pre', 'main', 'post'] as const) expectOk(await step.run(stage));
    const all = step.results.flatMap((r) => [r.stdout, r.stderr, r.files]).join('\n');
    // The runner reads `::add-mask::` and never shows it; every other line must be clean.
    const shown = all
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of secrets) expect(shown).not.toContain(secret);
    for (const r of step.results)
      for (const secret of secrets) expect(r.stdout).toContain(`::add-mask::${secret}`);
    // The logs were shown, the secrets in them replaced. agent-runner's container logs its LLM
    // settings (the base URL the CLI passed on) and only "is set" for the keys.
    const post = step.results[2]!.stdout;
    expect(post).toContain('::group::stigmer-server log');
    expect(post).toContain('::group::agent-runner log');
    expect(post).toContain('ANTHROPIC_API_KEY is set');
    expect(post).toContain('base_url=https://ci:***@llm-gateway.example/v1');
  });
});

/** The stack's leases as core recorded them (the Stigmer profile's state file in the job's HOME). */
async function leases(fx: Fixture): Promise<
  Array<{
    id: string;
    holder: { pid: number } | null;
    expiresAt: number | null;
    createdAt: number;
    label: string;
  }>
> {
  const file = path.join(fx.job.home, '.stigmer', 'e2e', 'state.json');
  return JSON.parse(await readFile(file, 'utf8')).leases;
}

describe.skipIf(process.platform === 'win32')('the lease lives as long as the job', () => {
  it("bound to the job's Runner.Worker: when the runner dies without post, the watchdog stops the stack", async () => {
    f = await fixture({}, { apiUrl: api.url, env: { STIGMER_E2E_WATCHDOG_GRACE_MS: '500' } });
    const step = f.job.step(NO_INSTALL);
    const pre = expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.outputs.available).toBe('true');
    const worker = (await f.job.runnerWorker())!.pid;
    const lease = (await leases(f)).find((l) => l.id === pre.state['lease-id']);

    // The runner crashes (or the job outlives any TTL and ends): its worker exits, post never runs.
    await f.job.end('SIGKILL');
    await waitFor(
      async () => !(await f!.stack.accepting()),
      60_000,
      'the watchdog to stop the stack',
    );
    expect(await f.stack.accepting()).toBe(false);
    expect(lease).toMatchObject({
      holder: { pid: worker },
      expiresAt: null,
      label: 'github-action run 4242.1 job e2e',
    });
    expect(printed(pre)).toContain(`bound to the job's Runner.Worker (pid ${worker})`);
  });

  it('no Runner.Worker above the step (a local run such as act): an explicit lease with a TTL, and a warning saying so', async () => {
    f = await fixture({}, { apiUrl: api.url, runnerWorker: false });
    const step = f.job.step(NO_INSTALL);
    const pre = expectOk(await step.run('pre'));
    expect(pre.stdout).toMatch(
      /::warning::No Runner\.Worker process above this step.*expires after 6 h/,
    );
    const lease = (await leases(f)).find((l) => l.id === pre.state['lease-id'])!;
    expect(lease).toMatchObject({ holder: null, label: 'github-action run 4242.1 job e2e' });
    expect(lease.expiresAt! - lease.createdAt).toBe(6 * 60 * 60 * 1000);
    expectOk(await step.run('main'));
    const post = expectOk(await step.run('post'));
    expect(printed(post)).toMatch(
      /stopped in [\d.]+ s \(this job started it and was the last one using it\)/,
    );
  });
});

describe.skipIf(process.platform === 'win32')(
  'config: a custom profile from the repository',
  () => {
    /** e2e/web.json in the workspace: a web server on a free port, with `env` for later steps. */
    async function webProfile(job: Job, env: (port: number) => Record<string, string>) {
      const { getFreePorts } = await import('@stigmer/e2e-emulator');
      const [port] = (await getFreePorts(1)) as [number];
      await mkdir(path.join(job.workspace, 'e2e'), { recursive: true });
      const server = path.join(job.workspace, 'e2e', 'web.mjs');
      await writeFile(
        server,
        `import http from 'node:http';
const server = http.createServer((_, res) => res.end('ok'));
setTimeout(() => server.listen(${port}, '127.0.0.1', () => console.log('web listening')), 300);
process.on('SIGTERM', () => { console.log('web stopping'); server.close(() => process.exit(0)); });`,
      );
      const file = path.join(job.workspace, 'e2e', 'web.json');
      f!.alsoStop(file);
      await writeFile(
        file,
        JSON.stringify({
          name: 'web',
          stateDir: path.join(job.home, '.web-e2e'),
          start: { command: [process.execPath, server], mode: 'process' },
          components: [{ name: 'web', probe: { http: `http://127.0.0.1:${port}/` } }],
          env: env(port),
          readyTimeoutMs: 15_000,
        }),
      );
      return port;
    }

    it('pre does not start it (no checkout yet); main starts it; post stops it', async () => {
      f = await fixture({}, { apiUrl: api.url });
      const job: Job = f.job;
      const port = await webProfile(job, (p) => ({ WEB_URL: `http://127.0.0.1:${p}/` }));
      const step: ActionStep = job.step({ ...NO_INSTALL, config: 'e2e/web.json' });
      const pre = expectOk(await step.run('pre'));
      expect(printed(pre)).toContain('the stack starts in main');
      expect(pre.state['lease-id']).toBeUndefined();
      const main = expectOk(await step.run('main'));
      expect(main.outputs).toMatchObject({
        available: 'true',
        owned: 'true',
        'server-address': '',
      });
      expect(main.env).toEqual({ WEB_URL: `http://127.0.0.1:${port}/` });
      const post = expectOk(await step.run('post'));
      expect(printed(post)).toMatch(/web stopped in [\d.]+ s \(this job started it/);
      expect(post.summary).toContain('### web server');
    });

    it("a secret in the profile's env is masked and kept out of outputs, and later steps get it as is", async () => {
      const token = 'web-fake-token-3333333333';
      f = await fixture({}, { apiUrl: api.url });
      await webProfile(f.job, (p) => ({ WEB_URL: `http://127.0.0.1:${p}/`, WEB_API_TOKEN: token }));
      const step = f.job.step({ ...NO_INSTALL, config: 'e2e/web.json' });
      expectOk(await step.run('pre'));
      const main = expectOk(await step.run('main'));
      expect(main.stdout).toContain(`::add-mask::${token}`);
      expect(main.env.WEB_API_TOKEN).toBe(token); // GITHUB_ENV: what later steps need
      expect(JSON.parse(main.outputs.status!).env).toMatchObject({ WEB_API_TOKEN: '***' });
      const post = expectOk(await step.run('post'));
      for (const r of step.results) {
        const { WEB_API_TOKEN: _exported, ...rest } = r.env;
        const written = [
          r.stdout,
          r.stderr,
          JSON.stringify(r.outputs),
          JSON.stringify(rest),
          r.summary,
        ];
        const shown = written
          .join('\n')
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'));
        expect(shown.join('\n')).not.toContain(token);
      }
      expect(post.summary).toContain('### web server');
    });

    it('a config file that is not there: main fails saying to check out first; post copes', async () => {
      f = await fixture({}, { apiUrl: api.url });
      const step = f.job.step({ ...NO_INSTALL, config: 'e2e/missing.json' });
      expectOk(await step.run('pre'));
      const main = await step.run('main');
      expect(main.code).toBe(1);
      expect(main.stdout).toMatch(
        /::error::`config`: .*missing\.json does not exist.*actions\/checkout/,
      );
      const post = expectOk(await step.run('post'));
      expect(post.stdout).not.toContain('::error::');
    });
  },
);
