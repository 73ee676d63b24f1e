import net from 'node:net';
import { describeStigmer } from '@stigmer/e2e-vitest';
import { expect, test } from 'vitest';

/** Resolves once `host:port` accepts a TCP connection. */
function connect(address: string): Promise<void> {
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  const host = address.slice(0, address.lastIndexOf(':'));
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host === 'localhost' ? '127.0.0.1' : host);
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describeStigmer('stigmer stack', (stack) => {
  test('every required component is ready', () => {
    const required = stack.components.filter((c) => c.required);
    expect(required.map((c) => c.name)).toEqual(['stigmer-server', 'temporal', 'workflow-runner']);
    expect(required.every((c) => c.ready)).toBe(true);
  });

  test('stigmer-server and Temporal accept connections at the injected addresses', async () => {
    await connect(stack.env.STIGMER_SERVER_ADDR!);
    await connect(stack.env.TEMPORAL_ADDRESS!);
  });
});
