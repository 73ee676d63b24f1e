/**
 * A local stand-in for GitHub (no network here): the releases API (`latest`), release assets (a
 * tar.gz holding a `stigmer` launcher for the emulator) with their `.sha256`, and the jobs API
 * post reads the job's status from. Plain http on 127.0.0.1, which the action allows for
 * loopback only.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeLauncher } from './emulated-stack.js';

const run = promisify(execFile);

export interface ReleaseServer {
  readonly url: string;
  /** `download-url` for this server. */
  readonly downloadUrl: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** What the checksum file says: the archive's hash, a wrong one, or 404. */
  checksum: 'good' | 'bad' | 'missing';
  /** Steps of the current job, for the jobs API; null: 403 (no `actions: read`). */
  jobSteps: Array<{ name: string; conclusion: string | null }> | null;
  close(): Promise<void>;
}

export const TAG = 'v1.4.2';
const OS = process.platform === 'win32' ? 'windows' : process.platform;
const ARCH = process.arch === 'x64' ? 'amd64' : process.arch;
export const ASSET = `stigmer-${TAG}-${OS}-${ARCH}.tar.gz`;

/** stigmer-vX-os-arch.tar.gz holding `stigmer-vX/stigmer` (`stigmer.exe`, a dummy, on Windows). */
async function buildArchive(dir: string): Promise<Buffer> {
  const content = path.join(dir, 'archive');
  const inner = path.join(content, `stigmer-${TAG}`);
  if (process.platform === 'win32') {
    await mkdir(inner, { recursive: true });
    await writeFile(path.join(inner, 'stigmer.exe'), 'not a real binary');
  } else {
    await writeLauncher(inner);
  }
  await writeFile(path.join(inner, 'LICENSE'), 'Apache-2.0\n');
  await run('tar', ['-czf', ASSET, `stigmer-${TAG}`], { cwd: content });
  return readFile(path.join(content, ASSET));
}

export async function startReleaseServer(dir: string): Promise<ReleaseServer> {
  const archive = await buildArchive(dir);
  const hash = createHash('sha256').update(archive).digest('hex');
  const requests: string[] = [];
  const state: Pick<ReleaseServer, 'checksum' | 'jobSteps'> = { checksum: 'good', jobSteps: [] };
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url === '/repos/stigmer/stigmer/releases/latest') return json(200, { tag_name: TAG });
    if (url.startsWith('/repos/acme/app/actions/runs/4242/attempts/1/jobs')) {
      if (state.jobSteps === null)
        return json(403, { message: 'Resource not accessible by integration' });
      return json(200, {
        total_count: 1,
        jobs: [
          { name: 'e2e', status: 'in_progress', runner_name: 'test-runner', steps: state.jobSteps },
        ],
      });
    }
    if (url === `/download/${TAG}/${ASSET}`) {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      return res.end(archive);
    }
    if (url === `/download/${TAG}/${ASSET}.sha256`) {
      if (state.checksum === 'missing') return json(404, { message: 'Not Found' });
      const sum =
        state.checksum === 'good' ? hash : createHash('sha256').update('evil').digest('hex');
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(`${sum}  ${ASSET}\n`);
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    downloadUrl: `${base}/download/{version}/stigmer-{version}-{os}-{arch}.tar.gz`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
