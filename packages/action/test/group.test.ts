/**
 * `config` naming a group (docs/groups.md), run as the runner runs the action: the Stigmer stack
 * (the emulated `stigmer` on PATH) and an app that connects to STIGMER_SERVER_ADDR when it starts
 * (core's group app), dependsOn stigmer. Skipped on Windows, like lifecycle.test.ts (the emulated
 * `stigmer` is a script behind a `#!/bin/sh` launcher).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canConnect, getFreePorts } from '@stigmer/e2e-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from './helpers/action-runner.js';
import { expectOk, type Fixture, fixture, printed } from './helpers/fixture.js';

const GROUP_APP = path.resolve(import.meta.dirname, '../../core/test/fixtures/group-app.mjs');
const NO_INSTALL = { install: 'false', cache: 'false' };
let f: Fixture | undefined;

afterEach(async () => {
  await f?.dispose();
  f = undefined;
});

/** e2e/group.json in the workspace: `{ use: 'stigmer' }` and the app, dependsOn stigmer. */
async function groupConfig(job: Job, appEnv: Record<string, string> = {}) {
  const [port] = (await getFreePorts(1)) as [number];
  await mkdir(path.join(job.workspace, 'e2e'), { recursive: true });
  const file = path.join(job.workspace, 'e2e', 'group.json');
  f!.alsoStop(file);
  await writeFile(
    file,
    JSON.stringify({
      name: 'shop',
      members: [
        {
          name: 'app',
          dependsOn: ['stigmer'],
          stateDir: path.join(job.home, '.app-e2e'),
          start: {
            command: [process.execPath, GROUP_APP],
            mode: 'process',
            env: { APP_PORT: String(port), APP_NEEDS: 'STIGMER_SERVER_ADDR', ...appEnv },
          },
          components: [{ name: 'http', probe: { http: `http://127.0.0.1:${port}/` } }],
          env: { APP_URL: `http://127.0.0.1:${port}/` },
          readyTimeoutMs: 30_000,
        },
        { use: 'stigmer', options: { require: ['temporal'] } },
      ],
    }),
  );
  return { file, port };
}

const accepts = (port: number) => canConnect('127.0.0.1', port, 0);

describe.skipIf(process.platform === 'win32')('config: a group', () => {
  it('main starts the members in order; later steps get every env; post stops the app first', async () => {
    f = await fixture();
    const { port } = await groupConfig(f.job);
    const step = f.job.step({ ...NO_INSTALL, config: 'e2e/group.json' });
    expectOk(await step.run('pre'));
    const main = expectOk(await step.run('main'));
    expect(main.outputs).toMatchObject({
      available: 'true',
      owned: 'true',
      'server-address': f.stack.env.STIGMER_SERVER_ADDR,
    });
    expect(main.outputs['lease-id']).toMatch(/^stigmer=[\w-]+,app=[\w-]+$/);
    expect(main.env).toMatchObject({
      STIGMER_SERVER_ADDR: f.stack.env.STIGMER_SERVER_ADDR,
      APP_URL: `http://127.0.0.1:${port}/`,
    });
    expect(printed(main)).toMatch(
      /✓ stigmer +started by this job[^\n]*\n *✓ app +started by this job/,
    );
    const status = JSON.parse(main.outputs.status!);
    expect(status.members.map((m: { name: string }) => m.name)).toEqual(['stigmer', 'app']);
    expect(await accepts(port)).toBe(true);

    const post = expectOk(await step.run('post'));
    expect(printed(post)).toMatch(
      /shop released in .*, dependents first:\n.*app stopped in .*\n.*stigmer stopped in [\d.]+ s \(this job started it/,
    );
    expect(post.summary).toContain('### shop server');
    expect(post.summary).toContain('| app/http |');
    expect(await accepts(port)).toBe(false);
    expect(await f.stack.accepting()).toBe(false);
  });

  it('a member failing: main fails naming it with its log tail; what it started is stopped', async () => {
    f = await fixture();
    const { port } = await groupConfig(f.job, { APP_FAIL: '1' });
    const step = f.job.step({ ...NO_INSTALL, config: 'e2e/group.json' });
    expectOk(await step.run('pre'));
    const main = await step.run('main');
    expect(main.code).toBe(1);
    expect(main.stdout).toContain('::error::shop is unavailable: app failed:');
    expect(printed(main)).toContain('fatal: migrations failed');
    expect(printed(main)).toMatch(/stigmer stopped in [\d.]+ s \(this job started it/);
    expect(await f.stack.accepting()).toBe(false);
    expect(await accepts(port)).toBe(false);
    const post = expectOk(await step.run('post'));
    expect(post.stdout).not.toContain('::error::');
  });
});
