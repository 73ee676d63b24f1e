/**
 * The process that lives exactly as long as this job: the runner's Runner.Worker. What this
 * relies on (actions/runner, Runner.Listener/JobDispatcher.cs and ProcessInvoker.cs): the
 * listener starts one `Runner.Worker spawnclient <pipes>` per job from the runner's bin
 * directory and waits for it; the worker runs every step of the job, each JavaScript stage's
 * `node` as its child, and exits when the job ends, whether it succeeded, failed, was cancelled or
 * its runner crashed (the worker dies with it). Found by walking up from this process's parent,
 * recognised by the name of its executable (argv[0]). Not found where the runner's processes are
 * not visible: a container job (`docker exec` into another pid namespace) or a local run (`act`).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ProcessRef, processRef } from '@stigmer/e2e-core';

const run = promisify(execFile);
const WORKER = /^Runner\.Worker(\.exe)?$/i;
/** A step's node is the worker's child; a wrapper or two in between at most. Bounds the walk. */
const MAX_DEPTH = 16;

interface Parent {
  readonly ppid: number;
  /** The executable's file name, from argv[0]. */
  readonly name: string;
}

async function readLinux(pid: number): Promise<Parent | null> {
  try {
    const [stat, cmdline] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
    ]);
    // The name (field 2) may hold spaces and parentheses: ppid is the second field after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv0 = cmdline.split('\0')[0] ?? '';
    return { ppid, name: path.posix.basename(argv0) };
  } catch {
    return null; // exited, or not ours to read
  }
}

async function readMac(pid: number): Promise<Parent | null> {
  try {
    // `comm` is the executable's full path on macOS (spaces allowed): everything after the ppid.
    const { stdout } = await run('ps', ['-o', 'ppid=,comm=', '-p', String(pid)]);
    const match = /^\s*(\d+)\s+(.+?)\s*$/.exec(stdout);
    return match ? { ppid: Number(match[1]), name: path.posix.basename(match[2]!) } : null;
  } catch {
    return null;
  }
}

async function readWindows(pid: number): Promise<Parent | null> {
  try {
    const { stdout } = await run(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `$p = Get-CimInstance Win32_Process -Filter "ProcessId=${pid}"; "$($p.ParentProcessId) $($p.Name)"`,
      ],
      { windowsHide: true },
    );
    const match = /^\s*(\d+)\s+(.+?)\s*$/.exec(stdout);
    return match ? { ppid: Number(match[1]), name: path.win32.basename(match[2]!) } : null;
  } catch {
    return null;
  }
}

const readParent =
  process.platform === 'linux' ? readLinux : process.platform === 'win32' ? readWindows : readMac;

/** The job's Runner.Worker (pid and start time), or null when none is above this process. */
export async function jobProcess(): Promise<ProcessRef | null> {
  let pid = process.ppid;
  for (let depth = 0; depth < MAX_DEPTH && pid > 1; depth++) {
    const ref = await processRef(pid);
    const parent = ref && (await readParent(pid));
    if (!ref || !parent) return null;
    // Identity read before and after: the name and the ref are of one and the same process.
    const again = await processRef(pid);
    if (again?.startTime !== ref.startTime) return null;
    if (WORKER.test(parent.name)) return ref;
    pid = parent.ppid;
  }
  return null;
}
