import { describeSocketError, type ProbeOptions, type ProbeResult } from './probe-result.js';
import { dropSelfConnection, isSelfConnection } from './tcp.js';

/** A GET answered with a status in `[min, max]` (default 200-399, redirects count as up). */
export async function probeHttp(
  url: string,
  status: number | [number, number] | undefined,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const [min, max] =
    status === undefined ? [200, 399] : Array.isArray(status) ? status : [status, status];
  // Imported here, not at the top: the CLI is one bundled file, whose top-level imports all load
  // at start, and https (tls) costs ~18 ms to load, which a profile without HTTP probes never needs.
  const client = url.startsWith('https:')
    ? (await import('node:https')).default
    : (await import('node:http')).default;
  return new Promise((resolve) => {
    // Node 20+ tries every address of `localhost` (::1 and 127.0.0.1) by default (autoSelectFamily).
    const request = client.get(url, { timeout: options.timeoutMs, agent: false }, (response) => {
      response.resume();
      const code = response.statusCode ?? 0;
      const expected = min === max ? `${min}` : `${min}-${max}`;
      resolve(
        code >= min && code <= max
          ? { ready: true, detail: `HTTP ${code} from ${url}` }
          : { ready: false, detail: `${url}: HTTP ${code} (expected ${expected})` },
      );
    });
    // A connection to itself is no server, even before anything is read from it. Its reset
    // reaches the request as ECONNRESET: the report says what happened instead.
    let selfConnected: NodeJS.ErrnoException | null = null;
    request.once('socket', (socket) =>
      socket.once('connect', () => {
        if (isSelfConnection(socket)) selfConnected = dropSelfConnection(socket);
      }),
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    request.on('error', (error) =>
      resolve({ ready: false, detail: `${url}: ${describeSocketError(selfConnected ?? error)}` }),
    );
  });
}
