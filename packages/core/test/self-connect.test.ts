/**
 * A TCP connect to a closed port in the ephemeral range can connect to itself: Linux may pick
 * that very port as the source port, and the socket is "accepted" with nothing listening (then
 * holds the port, so the real server gets EADDRINUSE). No probe and no port check may take that
 * for a server.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeGrpcHealth } from '../src/probe/grpc-health.js';
import { probeHttp } from '../src/probe/http.js';
import { waitPortsFree } from '../src/probe/ports-free.js';
import type { ProbeResult } from '../src/probe/probe-result.js';
import { probeTcp } from '../src/probe/tcp.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A closed port in Linux's ephemeral range (32768-60999) of the parity connect() takes its
 * source ports from here (even; bind() to port 0 hands out the odd ones).
 */
async function closedEphemeralPort(): Promise<number> {
  for (;;) {
    const server = net.createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    const even = port % 2 === 0 ? port : port + 1;
    if (even >= 32_768 && even <= 60_999 && (await bindable(even))) return even;
  }
}

/** A real server can take the port: nothing (no leftover self-connection) holds it. */
async function bindable(port: number): Promise<boolean> {
  const server = net.createServer();
  const ok = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (ok) await new Promise((resolve) => server.close(resolve));
  return ok;
}

const timeoutMs = 1_000;
const checks: Record<string, (port: number) => Promise<ProbeResult>> = {
  'TCP probe': (port) => probeTcp(`127.0.0.1:${port}`, { timeoutMs }),
  'HTTP probe': (port) => probeHttp(`http://127.0.0.1:${port}/`, undefined, { timeoutMs }),
  'gRPC probe': (port) => probeGrpcHealth(`127.0.0.1:${port}`, '', { timeoutMs }),
  // After a stop, and before a start (a port that accepts but is not ready is someone else's).
  'ports-free check': async (port) => {
    const busy = await waitPortsFree([`127.0.0.1:${port}`], 0);
    return { ready: busy.length > 0, detail: busy.length > 0 ? 'busy' : 'free' };
  },
};

describe('self-connections', () => {
  it.each(Object.keys(checks))(
    'the %s rejects a connection to itself (the source port made the closed port), and the port stays free',
    async (name) => {
      const port = await closedEphemeralPort();
      // The kernel picks a source port at random, so a self-connection comes about once in
      // ~14 000 connects here; binding the source port to the closed port makes the same real
      // self-connection every time.
      const toItself = <T extends object>(options: T) => ({
        ...options,
        localAddress: '127.0.0.1',
        localPort: port,
      });
      const connect = net.connect;
      vi.spyOn(net, 'connect').mockImplementation(((options: net.NetConnectOpts) =>
        connect(toItself(options))) as typeof net.connect);
      const agentConnect = http.Agent.prototype.createConnection;
      vi.spyOn(http.Agent.prototype, 'createConnection').mockImplementation(function (
        this: http.Agent,
        options: net.NetConnectOpts,
        callback,
      ) {
        return agentConnect.call(this, toItself(options), callback);
      } as typeof agentConnect);
      const result = await checks[name]!(port);
      expect(result.ready).toBe(false);
      // A probe says why (the port check only answers busy or free).
      if (name.endsWith('probe')) expect(result.detail).toMatch(/made to itself/);
      vi.restoreAllMocks();
      expect(await bindable(port)).toBe(true);
    },
  );

  it('a loop of probes to a closed ephemeral port never says ready, and a server binds it afterwards', {
    timeout: 120_000,
  }, async () => {
    const port = await closedEphemeralPort();
    const seen: string[] = [];
    const deadline = Date.now() + 6_000;
    let attempts = 0;
    // Several loops at once, every kind of check: as many connects as the machine allows.
    await Promise.all(
      Object.entries(checks).flatMap(([name, check]) =>
        Array.from({ length: 4 }, async () => {
          while (Date.now() < deadline) {
            attempts++;
            const result = await check(port);
            if (result.ready) seen.push(`${name}: ${result.detail}`);
          }
        }),
      ),
    );
    expect(attempts).toBeGreaterThan(1_000);
    expect(seen).toEqual([]);
    expect(await bindable(port)).toBe(true);
  });
});
