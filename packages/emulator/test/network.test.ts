import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKFLOW_SERVICE } from '../src/server/temporal-connect.js';
import { healthCheck } from './support/health-check.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually, sleep, waitForPort } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

/** Ports a process listens on, from /proc/net/tcp{,6} and its socket fds. */
function listeningPorts(pid: number): number[] {
  const inodes = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[1] && fields[9]) {
        inodes.set(fields[9], Number.parseInt(fields[1].split(':')[1] ?? '', 16));
      }
    }
  }
  return readdirSync(`/proc/${pid}/fd`)
    .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1])
    .flatMap((inode) =>
      inode !== undefined && inodes.has(inode) ? [inodes.get(inode) as number] : [],
    );
}

describe('network and readiness (page: "Network and readiness")', () => {
  it('stigmer-server: TCP accept and gRPC, but no grpc.health service', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    expect(await healthCheck(`127.0.0.1:${stack.serverPort}`, '')).toBe('ERROR UNIMPLEMENTED');
  });

  it('Temporal: accepts TCP at once, NOT_SERVING, then SERVING after its ready delay', async () => {
    stack = await createStack({ temporalReadyDelayMs: 15_000 });
    expect((await stack.run(['server'])).code).toBe(0); // the CLI waits for TCP only
    const address = `127.0.0.1:${stack.temporalPort}`;
    expect(await healthCheck(address, WORKFLOW_SERVICE)).toBe('NOT_SERVING');
    expect(await healthCheck(address, 'no.such.Service')).toBe('ERROR NOT_FOUND');
    // A worker started before SERVING fails its dial, as client.Dial does: exit 1.
    const log = join(stack.layout.logDir, 'workflow-runner.log');
    expect(
      await eventually(
        () =>
          existsSync(log) &&
          readFileSync(log, 'utf8').includes('FTL Failed to create Zigflow worker'),
        30_000,
      ),
    ).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain('health check failed: NOT_SERVING');
    expect(
      await eventually(
        async () => (await healthCheck(address, WORKFLOW_SERVICE)) === 'SERVING',
        30_000,
      ),
    ).toBe(true);
    await stack.serving();
  });

  it('Temporal stays NOT_SERVING with the never-ready knob', async () => {
    stack = await createStack({ temporalNeverReady: true, temporalReadyDelayMs: 0 });
    expect((await stack.run(['server'])).code).toBe(0);
    await sleep(1_000); // well past any ready delay
    expect(await healthCheck(`127.0.0.1:${stack.temporalPort}`, WORKFLOW_SERVICE)).toBe(
      'NOT_SERVING',
    );
    await stack.serving(60_000);
  });

  it('workflow-runner has no port of its own; agent-runner is ready when `docker inspect` says running', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    expect(listeningPorts(stack.pid(stack.layout.workflowRunnerPidFile))).toEqual([]);
    expect(listeningPorts(stack.pid(stack.layout.daemonPidFile))).toEqual([stack.serverPort]);
    const running = await stack.docker(
      'inspect',
      '-f',
      '{{.State.Running}}',
      'stigmer-agent-runner',
    );
    expect(running.stdout).toBe('true\n');
    expect(existsSync(stack.layout.containerIdFile)).toBe(true);
  });

  it('binds every component on the IPv6 loopback with host ::1', async () => {
    stack = await createStack({ host: '::1' });
    expect((await stack.run(['server'])).code).toBe(0);
    expect(await waitForPort('::1', stack.serverPort, 30_000)).toBe(true);
    expect(await healthCheck(`[::1]:${stack.temporalPort}`, WORKFLOW_SERVICE)).toBe('SERVING');
    expect((await fetch(`http://[::1]:${stack.ollamaPort}/api/tags`)).status).toBe(200);
  });
});
