/**
 * What a test started is stopped after it, pass or fail: child processes by pid (a child this
 * process has not reaped cannot have been replaced by another process), and every stack under
 * the test's temp dir by the identities its state file recorded (pid and start time, through
 * core's verified signals: nothing else is ever signalled).
 */
import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ProcessRef, processRef } from '../../src/process/identity.js';
import { signalVerified } from '../../src/process/signal.js';
import { terminateEach, terminateTree } from '../../src/process/terminate.js';
import { isState } from '../../src/state/state.js';

const children = new Set<ChildProcess>();
const groups: Array<Promise<ProcessRef | null>> = [];
const others: ProcessRef[] = [];

/**
 * Registers a child so that the test's cleanup kills it if it is still running. `group`: it was
 * spawned `detached` and leads a group; the whole group is stopped, even after the child exited.
 */
export function track<T extends ChildProcess>(child: T, { group = false } = {}): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  // Read at once: until 'exit' is emitted the pid cannot name another process.
  if (group && child.pid) groups.push(processRef(child.pid));
  return child;
}

/** Registers a process that is no child of ours (e.g. a stack's server) by its identity. */
export function trackRef(ref: ProcessRef | null): void {
  if (ref) others.push(ref);
}

/** SIGKILLs every tracked child (and tracked group or process) still running and waits for each to exit. */
export async function killTracked(): Promise<void> {
  await terminateEach(others.splice(0), 2_000);
  const leaders = (await Promise.all(groups.splice(0))).filter((r) => r !== null);
  await Promise.all(leaders.map((leader) => terminateTree(leader, 'SIGKILL', 2_000)));
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  children.clear();
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (!child.kill('SIGKILL')) resolve();
        }),
    ),
  );
}

/** Stops what each state dir under `dir` records as started and still running: server, identity, watchdog. */
export async function stopStacksUnder(dir: string): Promise<void> {
  const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter(
    (f) => path.basename(f) === 'state.json',
  );
  for (const file of files) {
    const parsed: unknown = JSON.parse(
      await readFile(path.join(dir, file), 'utf8').catch(() => 'null'),
    );
    if (!isState(parsed) || !parsed.owner) continue;
    const { owner } = parsed;
    if (owner.watchdog) await signalVerified(owner.watchdog, 'SIGKILL');
    if (owner.process) await terminateTree(owner.process, 'SIGKILL', 2_000);
    await terminateEach(owner.identity, 2_000);
  }
}
