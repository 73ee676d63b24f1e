import { afterEach, describe, expect, it } from 'vitest';
import { healthCheck } from './support/health-check.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { sleep, waitForPort } from './support/wait.js';

const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('emulated Temporal: port open is not ready', () => {
  it('accepts TCP at once, answers NOT_SERVING, then SERVING after the delay', async () => {
    // Generous delay: the NOT_SERVING checks below must land inside it even on a loaded runner.
    stack = await createStack({ temporalReadyDelayMs: 4_000 });
    const start = await stack.run(['server']);
    expect(start.code).toBe(0); // the CLI does not wait for Temporal

    const address = `127.0.0.1:${stack.temporalPort}`;
    const opened = Date.now();
    expect(await waitForPort('127.0.0.1', stack.temporalPort)).toBe(true);
    expect(await healthCheck(address, WORKFLOW_SERVICE)).toBe('NOT_SERVING');
    expect(await healthCheck(address, '')).toBe('NOT_SERVING');
    expect(await healthCheck(address, 'no.such.Service')).toBe('ERROR NOT_FOUND');

    let status = '';
    const deadline = Date.now() + 8_000;
    while (status !== 'SERVING' && Date.now() < deadline) {
      status = await healthCheck(address, WORKFLOW_SERVICE);
      if (status !== 'SERVING') await sleep(100);
    }
    expect(status).toBe('SERVING');
    expect(Date.now() - opened).toBeGreaterThanOrEqual(2_000);
    expect(await healthCheck(address, '')).toBe('SERVING');

    // The other gRPC components answer the standard health service too.
    expect(await healthCheck(`127.0.0.1:${stack.serverPort}`, '')).toBe('SERVING');
    expect(await healthCheck(`127.0.0.1:${stack.serverPort}`, 'stigmer.Server')).toBe('SERVING');
    expect(await healthCheck(`127.0.0.1:${stack.workflowRunnerPort}`, '')).toBe('SERVING');
  });

  it('stays NOT_SERVING with the never-ready knob', async () => {
    stack = await createStack({ temporalNeverReady: true, temporalReadyDelayMs: 0 });
    expect((await stack.run(['server'])).code).toBe(0);
    expect(await waitForPort('127.0.0.1', stack.temporalPort)).toBe(true);
    await sleep(1_000); // well past any ready delay
    const address = `127.0.0.1:${stack.temporalPort}`;
    expect(await healthCheck(address, WORKFLOW_SERVICE)).toBe('NOT_SERVING');
    expect(await healthCheck(address, '')).toBe('NOT_SERVING');
  });
});
