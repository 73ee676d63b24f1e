/** `host:port` parsing shared by the tcp, grpc and http probes and the port-free check. */

export interface Address {
  readonly host: string;
  readonly port: number;
}

/** Parses "host:port" or "[v6]:port". The schema has checked the shape already. */
export function parseAddress(value: string): Address {
  const match = /^\[(.+)\]:(\d+)$/.exec(value) ?? /^(.*):(\d+)$/.exec(value);
  if (!match) throw new Error(`Expected "host:port", got "${value}"`);
  return { host: match[1]!, port: Number(match[2]) };
}

/**
 * The hosts to try for an address. Node resolves `localhost` to ::1 first while many servers
 * listen on 127.0.0.1 only (or the reverse), so both are tried and either counts.
 */
export function candidateHosts(host: string): string[] {
  return host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
}

export function formatAddress({ host, port }: Address): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
