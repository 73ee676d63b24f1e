import type { ProbeSpec } from '../profile/spec.js';
import { probePidFile } from './pid-file.js';
import type { ProbeOptions, ProbeResult } from './probe-result.js';
import { probeTcp } from './tcp.js';

// Probes that need heavier modules are loaded on first use: node:http2 alone costs ~25 ms and
// https (tls) ~18 ms to import, paid on every warm run by profiles that never use them.
const load = {
  grpc: () => import('./grpc-health.js'),
  http: () => import('./http.js'),
  command: () => import('./command.js'),
  docker: () => import('./docker.js'),
};

/** Asks one probe once. Never throws: a failure is a not-ready result with its reason. */
export async function runProbe(probe: ProbeSpec, options: ProbeOptions): Promise<ProbeResult> {
  try {
    if ('tcp' in probe) return await probeTcp(probe.tcp, options);
    if ('grpc' in probe)
      return await (await load.grpc()).probeGrpcHealth(probe.grpc, probe.service ?? '', options);
    if ('http' in probe)
      return await (await load.http()).probeHttp(probe.http, probe.status, options);
    if ('pidFile' in probe) return await probePidFile(probe.pidFile);
    if ('command' in probe)
      return await (await load.command()).probeCommand(
        probe.command,
        probe.timeoutMs ?? Math.max(options.timeoutMs, 5_000),
      );
    if ('docker' in probe)
      return await (await load.docker()).probeDocker(
        probe.docker,
        Math.max(options.timeoutMs, 5_000),
      );
    const results = await Promise.all(probe.anyOf.map((p) => runProbe(p, options)));
    return (
      results.find((r) => r.ready) ?? {
        ready: false,
        detail: results.map((r) => r.detail).join('; '),
      }
    );
  } catch (error) {
    return { ready: false, detail: `probe failed: ${(error as Error).message}` };
  }
}

/** The network address a probe talks to ("host:port"), if any: shown to users, checked free after a stop. */
export function probeAddress(probe: ProbeSpec): string | null {
  if ('tcp' in probe) return probe.tcp;
  if ('grpc' in probe) return probe.grpc;
  if ('http' in probe) {
    const url = new URL(probe.http);
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  }
  if ('anyOf' in probe) return probe.anyOf.map(probeAddress).find((a) => a !== null) ?? null;
  return null;
}
