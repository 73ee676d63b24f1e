/** fixtures/lock-user.mjs run as its own OS process: locks and leases as another run sees them. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { ProcessRef } from '../../src/process/identity.js';
import type { Lease } from '../../src/state/state.js';
import { track } from './leftovers.js';
import { FIXTURES, waitFor } from './processes.js';

export interface LockUserOptions {
  /** Fixtures loaded with `node --import` first (e.g. as-darwin.mjs). */
  readonly preload?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** A run of fixtures/lock-user.mjs: its stdout lines as they come. */
export class LockUser {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  private readonly closed: Promise<void>;

  constructor(args: string[], { preload = [], env = {} }: LockUserOptions = {}) {
    const imports = preload.flatMap((p) => [
      '--import',
      pathToFileURL(path.join(FIXTURES, p)).href,
    ]);
    this.child = track(
      spawn(process.execPath, [...imports, path.join(FIXTURES, 'lock-user.mjs'), ...args], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...env },
      }),
    );
    const reader = createInterface({ input: this.child.stdout! });
    reader.on('line', (line) => this.lines.push(line));
    this.closed = new Promise((resolve) => reader.once('close', resolve));
  }

  async line(pattern: RegExp): Promise<string> {
    await waitFor(() => this.lines.some((l) => pattern.test(l)), 30_000, `a line like ${pattern}`);
    return this.lines.find((l) => pattern.test(l))!;
  }

  /** All it printed, once it is done. */
  async output(): Promise<string> {
    await this.closed;
    return this.lines.join('\n');
  }
}

/** Takes the lock of `dir` in another process; resolves with that process's identity as it sees it. */
export async function holder(dir: string, options: LockUserOptions = {}) {
  const user = new LockUser(['hold', dir], options);
  const ref = JSON.parse((await user.line(/^locked /)).slice('locked '.length)) as ProcessRef;
  const lease: Lease = { id: 'held', createdAt: 0, holder: ref, expiresAt: null, label: 'held' };
  return { user, ref, lease };
}
