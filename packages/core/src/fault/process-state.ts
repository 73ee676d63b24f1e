/** Whether a process is stopped (SIGSTOP: state `T`), checked by identity. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inspectPid, type ProcessRef, psEnv } from '../process/identity.js';
import { readSmallFile } from '../util/small-file.js';

const run = promisify(execFile);

/** True only for the very process recorded, alive and stopped. */
export async function isStopped(ref: ProcessRef): Promise<boolean> {
  const found = await inspectPid(ref.pid);
  if (found.state !== 'alive' || found.ref.startTime !== ref.startTime) return false;
  if (process.platform === 'linux') {
    const stat = readSmallFile(`/proc/${ref.pid}/stat`);
    return stat?.slice(stat.lastIndexOf(')') + 2).startsWith('T') ?? false;
  }
  const { stdout } = await run('ps', ['-o', 'stat=', '-p', String(ref.pid)], {
    env: psEnv(),
    timeout: 10_000,
  }).catch(() => ({ stdout: '' }));
  return stdout.trim().startsWith('T');
}
