/**
 * Groups against real processes: the Stigmer stack (the emulator), PostgreSQL (pg_ctl) and an
 * app that refuses to start without STIGMER_SERVER_ADDR and DATABASE_URL (it connects to both
 * when it starts), through the library and the CLI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { getFreePorts } from '@stigmer/e2e-emulator';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defineServer,
  describeGroupUnavailable,
  ensureGroup,
  ensureServer,
  type GroupSnapshot,
  type ServerSpec,
} from '../src/index.js';
import { type GroupStack, groupStack } from './helpers/group-stack.js';
import { assertPostgresInstalled } from './helpers/postgres.js';
import { CLI, FIXTURES, isRunning, portAccepts, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const LONG = 240_000;
let temp: Awaited<ReturnType<typeof tempDir>>;
let stack: GroupStack | undefined;
const children: ChildProcess[] = [];

beforeAll(assertPostgresInstalled);
beforeEach(async () => {
  temp = await tempDir('group');
  // What the app gets must come from the group, not from this process.
  delete process.env.STIGMER_SERVER_ADDR;
  delete process.env.DATABASE_URL;
});
afterEach(async () => {
  // Our own CLI processes (spawned here, not yet exited) are ours to kill by pid.
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await stack?.cleanup();
  stack = undefined;
  await temp.remove();
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Ran> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The environment a process was started with, read from /proc. */
async function environOf(pid: number): Promise<Record<string, string>> {
  const text = await readFile(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(
    text
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

async function appPid(s: GroupStack): Promise<number> {
  const events = await readFile(s.appEvents, 'utf8');
  return Number(events.split('\n')[0]!.split(' ')[1]);
}

const timeline = (g: GroupSnapshot) =>
  g.members.map((m) => `${m.name} ${m.outcome} ${m.began} -> ${m.ended} ms`).join('; ');

describe('a group: Stigmer, PostgreSQL and an app that needs both', () => {
  it(
    'starts in dependency order, the app with both addresses in its env; stops in reverse order',
    async () => {
      stack = await groupStack(temp.dir);
      const s = stack;
      // The control: alone, the app refuses to start (nothing gives it STIGMER_SERVER_ADDR).
      const { dependsOn: _, ...appSpec } = s.spec().members[0] as ServerSpec & { dependsOn: [] };
      const alone = await ensureServer(defineServer(appSpec), { onUnavailable: 'skip' });
      expect(alone.available).toBe(false);
      expect(alone.logTails.flatMap((t) => t.lines).join('\n')).toContain(
        'fatal: STIGMER_SERVER_ADDR is not set',
      );

      const group = await ensureGroup(s.spec(), { onUnavailable: 'fail' });
      console.log(`start: ${timeline(group)}`);
      expect(group.members.map((m) => [m.name, m.outcome])).toEqual([
        ['stigmer', 'started'],
        ['postgres', 'started'],
        ['app', 'started'],
      ]);
      const [stigmer, postgres, app] = ['stigmer', 'postgres', 'app'].map((n) => group.member(n));
      // Each dependency was waited for before the app started; the two independent ones at once.
      expect(app!.began!).toBeGreaterThanOrEqual(Math.max(stigmer!.ended!, postgres!.ended!));
      expect(postgres!.began!).toBeLessThan(stigmer!.ended!);
      const env = await environOf(await appPid(s));
      expect(env.STIGMER_SERVER_ADDR).toBe(`localhost:${s.stigmer.ports.server}`);
      expect(env.DATABASE_URL).toBe(`postgres://postgres@127.0.0.1:${s.pg.port}/postgres`);
      expect(group.env).toMatchObject({
        STIGMER_SERVER_ADDR: env.STIGMER_SERVER_ADDR,
        DATABASE_URL: env.DATABASE_URL,
        APP_URL: `http://127.0.0.1:${s.appPort}/`,
      });
      expect(group.leaseId).toMatch(/^stigmer=[\w-]+,postgres=[\w-]+,app=[\w-]+$/);

      const released = await group.release();
      console.log(
        `stop: ${released.members.map((r) => `${r.name} ${r.reason} ${r.began} -> ${r.ended} ms`).join('; ')}`,
      );
      const at = (name: string) => released.members.find((r) => r.name === name)!;
      expect(released.members.map((r) => [r.name, r.reason])).toEqual(
        expect.arrayContaining([
          ['app', 'stopped'],
          ['stigmer', 'stopped'],
          ['postgres', 'stopped'],
        ]),
      );
      expect(released.members[0]!.name).toBe('app');
      expect(at('stigmer').began).toBeGreaterThanOrEqual(at('app').ended);
      expect(at('postgres').began).toBeGreaterThanOrEqual(at('app').ended);
      for (const port of [s.stigmer.ports.server, s.pg.port, s.appPort])
        expect(await portAccepts(port)).toBe(false);
      expect(await s.lifecycle()).toEqual({
        stigmer: { starts: 1, stops: 1 },
        postgres: { starts: 1, stops: 1 },
        app: { starts: 1, stops: 1 },
      });
    },
    LONG,
  );

  it(
    'two runs at once (stigmer-e2e run): one start and one stop per member',
    async () => {
      stack = await groupStack(temp.dir);
      const config = await stack.writeConfig(stack.spec());
      const marks = path.join(temp.dir, 'mark');
      // Each command marks that it runs with the group's env, then waits for the other's mark:
      // both runs hold the group at the same time, whichever ends first.
      const hold = (n: number) => [
        process.execPath,
        '-e',
        `const fs = require('fs');
         if (!process.env.STIGMER_SERVER_ADDR || !process.env.DATABASE_URL || !process.env.APP_URL) process.exit(9);
         fs.writeFileSync(process.argv[1] + ${n}, '');
         const other = process.argv[1] + ${3 - n};
         const wait = () => (fs.existsSync(other) ? process.exit(0) : setTimeout(wait, 50));
         wait();`,
        marks,
      ];
      const began = Date.now();
      const runs = await Promise.all(
        [1, 2].map((n) =>
          cli(['run', '--on-unavailable', 'fail', '--config', config, '--', ...hold(n)]),
        ),
      );
      console.log(`two concurrent runs: ${Date.now() - began} ms in all`);
      for (const run of runs) {
        console.log(run.stderr);
        expect(run.code, run.stderr).toBe(0);
      }
      expect(await stack.lifecycle()).toEqual({
        stigmer: { starts: 1, stops: 1 },
        postgres: { starts: 1, stops: 1 },
        app: { starts: 1, stops: 1 },
      });
      // One run started each member, the other joined it.
      const output = runs.map((r) => r.stderr).join('\n');
      for (const name of ['stigmer', 'postgres', 'app']) {
        expect(output).toMatch(new RegExp(`✓ ${name} +started by this run`));
        expect(output).toMatch(new RegExp(`✓ ${name} +started by another stigmer-e2e run`));
      }
      for (const port of [stack.stigmer.ports.server, stack.pg.port, stack.appPort])
        expect(await portAccepts(port)).toBe(false);
    },
    LONG,
  );

  it(
    'one member already running (up --json, down): reused and left running; the others started and stopped',
    async () => {
      stack = await groupStack(temp.dir);
      await stack.pg.startOutside();
      const postmaster = await stack.pg.pid();
      const config = await stack.writeConfig(stack.spec());
      const up = await cli(['up', '--json', '--on-unavailable', 'fail', '--config', config]);
      expect(up.code, up.stderr).toBe(0);
      const handle = JSON.parse(up.stdout) as GroupSnapshot;
      expect(handle).toMatchObject({ profile: 'shop', available: true, failed: null });
      expect(handle.members.map((m) => [m.name, m.outcome])).toEqual([
        ['stigmer', 'started'],
        ['postgres', 'reused'],
        ['app', 'started'],
      ]);
      expect(handle.env.DATABASE_URL).toBe(
        `postgres://postgres@127.0.0.1:${stack.pg.port}/postgres`,
      );
      const status = await cli(['status', '--config', config]);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/^shop: available \(3 members, in start order\)/);
      expect(status.stdout).toMatch(
        /\[postgres\]\npostgres: available\n(.*\n)*Running, not started by stigmer-e2e/,
      );
      expect(status.stdout).toMatch(
        /\[app\] after stigmer, postgres\napp: available\n(.*\n)*Started by stigmer-e2e/,
      );

      const down = await cli(['down', '--json', '--config', config, '--lease', handle.leaseId!]);
      expect(down.code, down.stderr).toBe(0);
      const released = JSON.parse(down.stdout) as {
        members: Array<{ name: string; reason: string }>;
      };
      expect(released.members[0]).toMatchObject({ name: 'app', reason: 'stopped' });
      expect(Object.fromEntries(released.members.map((r) => [r.name, r.reason]))).toEqual({
        app: 'stopped',
        stigmer: 'stopped',
        postgres: 'not-ours',
      });
      expect(await isRunning(postmaster)).toBe(true);
      expect(await portAccepts(stack.pg.port)).toBe(true);
      expect(await portAccepts(stack.stigmer.ports.server)).toBe(false);
      expect(await portAccepts(stack.appPort)).toBe(false);
      expect(await stack.lifecycle()).toEqual({
        stigmer: { starts: 1, stops: 1 },
        postgres: { starts: 1, stops: 0 },
        app: { starts: 1, stops: 1 },
      });
    },
    LONG,
  );

  it(
    'a member failing: the others this run started are stopped, the member named, its log tail shown, no secret',
    async () => {
      stack = await groupStack(temp.dir);
      const secret = 'hunter22-not-for-logs';
      const url = `postgres://postgres:${secret}@127.0.0.1:${stack.pg.port}/postgres`;
      const spec = stack.spec({
        postgres: { env: { DATABASE_URL: url } },
        app: {
          start: {
            ...(stack.spec().members[0] as ServerSpec).start!,
            env: {
              ...(stack.spec().members[0] as ServerSpec).start!.env,
              APP_FAIL: '1',
            },
          },
        },
      });
      const group = await ensureGroup(spec, { onUnavailable: 'skip' });
      console.log(`failed start: ${timeline(group)}`);
      expect(group).toMatchObject({
        available: false,
        failed: 'app',
        outcome: 'unavailable',
        // As a single stack's unavailable handle: it holds nothing, owns nothing.
        owned: false,
        reused: false,
        leaseId: null,
      });
      expect(group.reason).toMatch(/^app failed: .*exited with code 1/);
      expect(group.cleanup.map((r) => [r.name, r.reason]).sort()).toEqual([
        ['postgres', 'stopped'],
        ['stigmer', 'stopped'],
      ]);
      const message = describeGroupUnavailable(group);
      expect(message).toContain('shop is unavailable: app failed');
      expect(message).toContain('fatal: migrations failed');
      expect(message).toContain('connecting to DATABASE_URL=postgres://postgres:***@127.0.0.1');
      expect(message).toMatch(/stigmer stopped in .* \(this run started it/);
      expect(message).not.toContain(secret);
      expect(JSON.stringify(group.logTails)).not.toContain(secret);
      for (const port of [stack.stigmer.ports.server, stack.pg.port, stack.appPort])
        expect(await portAccepts(port)).toBe(false);
      expect(await stack.lifecycle()).toEqual({
        stigmer: { starts: 1, stops: 1 },
        postgres: { starts: 1, stops: 1 },
        app: { starts: 0, stops: 0 },
      });
    },
    LONG,
  );

  it(
    'a member failing while another still starts: that one stops waiting and what it started is stopped',
    async () => {
      stack = await groupStack(temp.dir, { startDelayMs: 60_000 }, ['-c no_such_setting=1']);
      const group = await ensureGroup(stack.spec(), { onUnavailable: 'skip' });
      expect(group).toMatchObject({ available: false, failed: 'postgres' });
      expect(group.reason).toMatch(/^postgres failed: the start command .* exited with code 1/);
      expect(group.member('stigmer').reason).toBe('stopped waiting: postgres failed');
      expect(group.member('app')).toMatchObject({
        reason: 'not started: postgres failed',
        began: null,
      });
      expect(describeGroupUnavailable(group)).toContain(
        'unrecognized configuration parameter "no_such_setting"',
      );
      const { server, temporal } = stack.stigmer.ports;
      for (const port of [server, temporal, stack.pg.port, stack.appPort])
        expect(await portAccepts(port)).toBe(false);
      expect(await stack.stigmer.pid('daemon')).toBeNull();
      expect((await stack.lifecycle()).app).toEqual({ starts: 0, stops: 0 });
    },
    LONG,
  );

  it(
    'Ctrl-C while a member is still starting: what this run started of every member is stopped',
    async () => {
      stack = await groupStack(temp.dir, { startDelayMs: 60_000 });
      const config = await stack.writeConfig(stack.spec());
      const up = spawn(process.execPath, [CLI, 'up', '--config', config], {
        env: { ...process.env, CI: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(up);
      let stderr = '';
      up.stderr!.on('data', (d) => {
        stderr += d;
      });
      const exited = new Promise<number | null>((resolve) => up.once('close', resolve));
      // PostgreSQL is ready while stigmer-server still sleeps before listening.
      await waitFor(() => stderr.includes('postgres is ready'), 120_000);
      up.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toContain('SIGINT: cleaning up...');
      const { server, temporal } = stack.stigmer.ports;
      for (const port of [server, temporal, stack.pg.port, stack.appPort])
        expect(await portAccepts(port)).toBe(false);
      const { postgres, app } = await stack.lifecycle();
      expect(postgres).toEqual({ starts: 1, stops: 1 });
      expect(app).toEqual({ starts: 0, stops: 0 });
      expect(await stack.stigmer.pid('daemon')).toBeNull();
    },
    LONG,
  );

  it('an external member (only probed) is never released; the member depending on it starts', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as net.AddressInfo;
    const [appPort] = await getFreePorts(1);
    const events = path.join(temp.dir, 'app-events.log');
    try {
      const group = await ensureGroup(
        {
          members: [
            {
              name: 'api',
              components: [{ name: 'api', probe: { tcp: `127.0.0.1:${port}` } }],
              env: { API_ADDR: `127.0.0.1:${port}` },
            },
            {
              name: 'app',
              dependsOn: ['api'],
              stateDir: path.join(temp.dir, 'app-state'),
              start: {
                command: [process.execPath, path.join(FIXTURES, 'group-app.mjs')],
                mode: 'process',
                env: { APP_PORT: String(appPort), APP_NEEDS: 'API_ADDR', APP_EVENTS_FILE: events },
              },
              components: [{ name: 'http', probe: { http: `http://127.0.0.1:${appPort}/` } }],
            },
          ],
        },
        { onUnavailable: 'fail' },
      );
      expect(group.members.map((m) => [m.name, m.outcome])).toEqual([
        ['api', 'external'],
        ['app', 'started'],
      ]);
      expect(group.leaseId).toMatch(/^app=[\w-]+$/);
      const released = await group.release();
      expect(released.members.map((r) => [r.name, r.reason])).toEqual([['app', 'stopped']]);
      expect(await portAccepts(port)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a cycle in dependsOn is rejected with the cycle named, and nothing is started', async () => {
    stack = await groupStack(temp.dir);
    const config = await stack.writeConfig(
      stack.spec({ postgres: { dependsOn: ['app'] } }),
      'cyclic.json',
    );
    const up = await cli(['up', '--config', config]);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain(`Invalid group spec in ${config}:`);
    expect(up.stderr).toContain('dependsOn: a cycle: app -> postgres -> app');
    expect(await stack.lifecycle()).toEqual({
      stigmer: { starts: 0, stops: 0 },
      postgres: { starts: 0, stops: 0 },
      app: { starts: 0, stops: 0 },
    });
  });
});
