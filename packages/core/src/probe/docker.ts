import type { ProbeResult } from './probe-result.js';

/** Ready when the Docker container (name or id) is running, per `docker inspect`. */
export async function probeDocker(container: string, timeoutMs: number): Promise<ProbeResult> {
  const { execa } = await import('execa');
  const result = await execa('docker', ['inspect', '--format', '{{.State.Running}}', container], {
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
  });
  if (result.exitCode === 0) {
    return String(result.stdout).trim() === 'true'
      ? { ready: true, detail: `container ${container} running` }
      : { ready: false, detail: `container ${container} is not running` };
  }
  const stderr = String(result.stderr ?? '').trim();
  if (/no such (object|container)/i.test(stderr))
    return { ready: false, detail: `no container named ${container}` };
  if (result.failed && result.exitCode === undefined) {
    return {
      ready: false,
      detail: `docker is not available (${result.shortMessage ?? 'not found'})`,
    };
  }
  return {
    ready: false,
    detail: `docker inspect ${container} failed: ${stderr.split('\n')[0] || `exit ${result.exitCode}`}`,
  };
}
