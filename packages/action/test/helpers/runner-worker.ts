/**
 * The job's Runner.Worker, mocked (the real one needs GitHub's service): a long-lived process
 * named Runner.Worker, one per job, whose children are the job's stages, as on a real runner.
 * See fake-runner-worker.mjs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, link, mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./fake-runner-worker.mjs', import.meta.url));

export interface StageRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitMs: number;
  readonly closeMs: number;
}

type Reply = StageRun & { readonly id: number; readonly error?: string };

export class RunnerWorker {
  private next = 0;

  private constructor(private readonly child: ChildProcess) {}

  /** Starts it from `dir`/Runner.Worker, a link to this Node, so its argv[0] names it. */
  static async start(dir: string): Promise<RunnerWorker> {
    await mkdir(dir, { recursive: true });
    const exe = path.join(
      dir,
      process.platform === 'win32' ? 'Runner.Worker.exe' : 'Runner.Worker',
    );
    await rm(exe, { force: true });
    if (process.platform === 'win32')
      await link(process.execPath, exe).catch(() => copyFile(process.execPath, exe));
    else await symlink(process.execPath, exe);
    const child = spawn(exe, [script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await once(child, 'spawn');
    return new RunnerWorker(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Runs one stage as this worker's child. */
  run(node: string, stage: string, env: Record<string, string>, cwd: string): Promise<StageRun> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (reply.error) reject(new Error(`Runner.Worker could not run ${stage}: ${reply.error}`));
        else resolve(reply);
      };
      const onExit = () => reject(new Error(`Runner.Worker exited while ${stage} ran`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send({ id, node, script: stage, env, cwd });
    });
  }

  /** The job ends: the worker exits (SIGKILL: the runner crashed). Resolves once it is gone. */
  async end(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }
}
