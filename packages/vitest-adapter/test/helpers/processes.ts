import { canConnect } from '@stigmer/e2e-emulator';

export { isAlive as isRunning, waitFor } from '@stigmer/e2e-emulator';

/** Something accepts a connection on the port (no time limit: loopback answers at once). */
export const portAccepts = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  canConnect(host, port, 0);
