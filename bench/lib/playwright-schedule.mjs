// Playwright's webServer readiness schedule (checks at once, then after 100, 250, 500 ms, then
// every 1000 ms), reproduced with a TCP connect: Playwright itself is not installed here, and
// its schedule, not its connect, is what decides its lag.
import net from 'node:net';

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function waitPlaywrightStyle(port) {
  const delays = [100, 250, 500];
  while (!(await accepts(port))) {
    await new Promise((r) => setTimeout(r, delays.shift() ?? 1000));
  }
}
