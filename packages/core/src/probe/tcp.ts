import net from 'node:net';
import { type Address, candidateHosts, formatAddress, parseAddress } from './address.js';
import { describeSocketError, type ProbeOptions, type ProbeResult } from './probe-result.js';

/**
 * A socket connected to itself: its local and remote ends are the same address and port. A
 * connect to a closed port in the ephemeral range can end so (Linux may pick that very port as
 * the source port); nothing listens there. Go's net package rejects these too.
 */
export function isSelfConnection(socket: net.Socket): boolean {
  return (
    socket.localPort !== undefined &&
    socket.localPort === socket.remotePort &&
    socket.localAddress === socket.remoteAddress
  );
}

/**
 * Closes a self-connection with a reset: closed normally it would sit in TIME_WAIT for a
 * minute on the very port the real server is about to bind (EADDRINUSE). Returns the error to
 * report.
 */
export function dropSelfConnection(socket: net.Socket): NodeJS.ErrnoException {
  socket.resetAndDestroy();
  return Object.assign(new Error('nothing listens (the connection was made to itself)'), {
    code: 'ESELFCONNECT',
  });
}

/** Opens a TCP connection to one host, or rejects (a self-connection too). The caller owns the socket. */
function connectOnce(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      if (isSelfConnection(socket)) reject(dropSelfConnection(socket));
      else resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

/**
 * Connects to the first candidate host that accepts (127.0.0.1, then ::1, for localhost). One
 * after the other: a refused connect on loopback costs a fraction of a millisecond, and the
 * first IPv6 literal a process dials costs ~6 ms (Node compiles its IPv6 pattern), which a
 * stack listening on 127.0.0.1 never needs to pay.
 */
export async function connect(
  address: Address,
  timeoutMs: number,
): Promise<{ socket: net.Socket; host: string }> {
  let firstError: unknown;
  for (const host of candidateHosts(address.host)) {
    try {
      return { socket: await connectOnce(host, address.port, timeoutMs), host };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

export async function probeTcp(target: string, options: ProbeOptions): Promise<ProbeResult> {
  const address = parseAddress(target);
  try {
    const { socket, host } = await connect(address, options.timeoutMs);
    socket.destroy();
    return { ready: true, detail: `accepting on ${formatAddress({ host, port: address.port })}` };
  } catch (error) {
    return { ready: false, detail: `${target}: ${describeSocketError(error)}` };
  }
}
