import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from '../src/net/tcp.js';
import { healthCheck } from './support/health-check.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('host ::1', () => {
  it('binds every component on the IPv6 loopback', async () => {
    stack = await createStack({ host: '::1' });
    const start = await stack.run(['server']);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    await stack.settled();
    expect(await healthCheck(`[::1]:${stack.serverPort}`, '')).toBe('SERVING');
    expect(await healthCheck(`[::1]:${stack.workflowRunnerPort}`, '')).toBe('SERVING');
    expect(await isPortFree('::1', stack.temporalPort)).toBe(false);
    const status = await stack.run(['server', 'status']);
    expect(status.stdout).toMatch(/Stigmer Server:\n {2}Status: {3}Running/);
    expect((await stack.run(['server', 'stop'])).code).toBe(0);
    expect(await isPortFree('::1', stack.serverPort)).toBe(true);
  });
});
