/** `host:port`, with IPv6 literals bracketed (`[::1]:7234`) as gRPC and URLs expect. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
