import { createServer, type Server } from 'node:net';

/**
 * `count` distinct free TCP ports on `host`, found by binding port 0. All listeners stay open
 * until every port is known, so the kernel cannot hand the same port out twice.
 *
 * @example
 * const [serverPort, temporalPort, ollamaPort] = await getFreePorts(3);
 */
export async function getFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`Expected \`count\` to be a positive integer, got \`${count}\`.`);
  }
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      ports.push(await listenOnAnyPort(server, host));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

function listenOnAnyPort(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new Error(`Could not bind a free port on ${host}: ${error.message}`, { cause: error }),
      ),
    );
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`Expected a TCP address after binding on ${host}, got ${address}`));
      } else {
        resolve(address.port);
      }
    });
  });
}
