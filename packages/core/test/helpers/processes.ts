import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { canConnect } from '@stigmer/e2e-emulator';
import { track } from './leftovers.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The CLI as users run it: the package's bin, which loads the bundle (dist/bundle/). */
export const CLI = fileURLToPath(new URL('../../bin/stigmer-e2e.js', import.meta.url));

export { isAlive as isRunning, waitFor } from '@stigmer/e2e-emulator';

/** Something accepts a connection on the port (no time limit: loopback answers at once). */
export const portAccepts = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  canConnect(host, port, 0);

export interface WorkerEvent {
  event: 'ensured' | 'released';
  pid: number;
  handle?: {
    available: boolean;
    owned: boolean;
    outcome: string;
    reason: string | null;
    leaseId: string | null;
  };
  result?: {
    released: boolean;
    stop: { stopped: boolean; problems: string[] } | null;
    remaining: number;
  };
}

/** A test run in its own OS process (fixtures/worker.mjs). */
export class Worker {
  readonly child: ChildProcess;
  readonly events: WorkerEvent[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(specFile: string, holdMs: number, env: NodeJS.ProcessEnv = {}) {
    this.child = track(
      spawn(process.execPath, [path.join(FIXTURES, 'worker.mjs'), specFile, String(holdMs)], {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...env },
      }),
    );
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as WorkerEvent);
      } catch {
        return;
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async next(event: WorkerEvent['event'], timeoutMs = 30_000): Promise<WorkerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.event === event);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`worker ${this.child.pid}: no "${event}" event`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Ends the hold: the worker releases and exits. */
  finish(): void {
    this.child.stdin!.end();
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}

/** The "start <pid>" / "stop <pid>" lines the fixture server appends to its starts file. */
export async function lifecycleEvents(
  file: string,
): Promise<Array<{ what: 'start' | 'stop'; pid: number }>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [what, pid] = line.split(' ');
      return { what: what as 'start' | 'stop', pid: Number(pid) };
    });
}
