/**
 * Runs the committed bundle the way the GitHub Actions runner does (see
 * shared/reference/github-actions-runner.md): each stage is its own `node dist/<stage>.js`
 * process with fresh GITHUB_STATE / GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH /
 * GITHUB_STEP_SUMMARY files; state saved by earlier stages arrives as STATE_*, inputs as
 * INPUT_<NAME> (action.yml defaults filled in, as the runner does), and what earlier steps put in
 * GITHUB_ENV and GITHUB_PATH applies to later ones. Each stage is a child of the job's
 * Runner.Worker (a mock, see runner-worker.ts), which lives until the job ends.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunnerWorker, type StageRun } from './runner-worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const actionRoot = path.resolve(here, '..', '..');
const repoRoot = path.resolve(actionRoot, '..', '..');
export const FAKE_TOKEN = 'ghs_faketokenfortests0000000000000000';

export type StageName = 'pre' | 'main' | 'post';

export interface StageResult {
  readonly stage: StageName;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to the process's exit. */
  readonly exitMs: number;
  /** From spawn to its stdout and stderr closing: what the runner waits for. */
  readonly closeMs: number;
  readonly outputs: Record<string, string>;
  readonly env: Record<string, string>;
  readonly path: string[];
  readonly state: Record<string, string>;
  readonly summary: string;
  /** Every file the stage wrote commands to, raw (for "no secret anywhere" checks). */
  readonly files: string;
}

export interface JobOptions {
  /** A directory of its own: HOME, RUNNER_TEMP, RUNNER_TOOL_CACHE and the workspace go inside. */
  readonly dir: string;
  /** Extra environment of the job (emulator knobs, addresses, secrets...). */
  readonly env?: Record<string, string>;
  /** Directories on PATH before the system's (e.g. where a `stigmer` launcher is). */
  readonly path?: readonly string[];
  /** The GitHub API the action talks to (GITHUB_API_URL); none by default. */
  readonly apiUrl?: string;
  /**
   * false: no Runner.Worker above the stages, as in a local run (`act`) or a container job,
   * where the runner's processes are not visible. Default true.
   */
  readonly runnerWorker?: boolean;
}

/** One job: steps share HOME, the workspace, exported env and PATH. */
export class Job {
  /** Env exported through GITHUB_ENV by earlier steps. */
  readonly env: Record<string, string> = {};
  /** Dirs added through GITHUB_PATH by earlier steps (latest first). */
  readonly addedPath: string[] = [];
  private count = 0;
  private worker: Promise<RunnerWorker> | null = null;

  constructor(readonly options: JobOptions) {}

  /** The job's Runner.Worker, started with its first stage; null without one. */
  runnerWorker(): Promise<RunnerWorker> | null {
    if (this.options.runnerWorker === false) return null;
    this.worker ??= RunnerWorker.start(path.join(this.options.dir, 'runner', 'bin'));
    return this.worker;
  }

  /** The job ends: its Runner.Worker exits (SIGKILL: the runner crashed, post never runs). */
  async end(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await (await this.worker)?.end(signal);
  }

  get home(): string {
    return path.join(this.options.dir, 'home');
  }
  get workspace(): string {
    return path.join(this.options.dir, 'workspace');
  }
  get toolCache(): string {
    return path.join(this.options.dir, 'toolcache');
  }

  /** A use of the action in this job (its own state and inputs). */
  step(inputs: Record<string, string> = {}): ActionStep {
    return new ActionStep(this, inputs);
  }

  /** The environment a step of this job sees (before its own INPUT_/STATE_/file variables). */
  async baseEnv(): Promise<Record<string, string>> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) =>
          !/^(GITHUB_|INPUT_|STATE_|RUNNER_|ACTIONS_|STIGMER_|TEMPORAL_|VITEST|npm_)/i.test(name) &&
          !/^(NODE_OPTIONS|PATH)$/i.test(name), // PATH is set below (Windows spells it Path)
      ),
    ) as Record<string, string>;
    const { dir } = this.options;
    for (const d of ['home', 'workspace', 'toolcache', 'temp'])
      await mkdir(path.join(dir, d), { recursive: true });
    const pathVar = [...this.addedPath, ...(this.options.path ?? []), process.env.PATH ?? ''].join(
      path.delimiter,
    );
    return {
      ...inherited,
      HOME: this.home,
      USERPROFILE: this.home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'e2e',
      RUNNER_NAME: 'test-runner',
      RUNNER_TEMP: path.join(dir, 'temp'),
      RUNNER_TOOL_CACHE: this.toolCache,
      RUNNER_OS:
        process.platform === 'win32'
          ? 'Windows'
          : process.platform === 'darwin'
            ? 'macOS'
            : 'Linux',
      ...(this.options.apiUrl ? { GITHUB_API_URL: this.options.apiUrl } : {}),
      NO_PROXY: '127.0.0.1,localhost,::1',
      no_proxy: '127.0.0.1,localhost,::1',
      ...this.options.env,
      ...this.env,
      PATH: pathVar,
    };
  }

  nextStageDir(label: string): string {
    this.count += 1;
    return path.join(this.options.dir, 'files', `${this.count}-${label}`);
  }
}

/** One use of the action: pre, main and post share its state. */
export class ActionStep {
  readonly state: Record<string, string> = {};
  readonly results: StageResult[] = [];

  constructor(
    readonly job: Job,
    readonly inputs: Record<string, string>,
  ) {}

  async run(stage: StageName): Promise<StageResult> {
    const files = this.job.nextStageDir(stage);
    await mkdir(files, { recursive: true });
    const names = [
      'GITHUB_STATE',
      'GITHUB_OUTPUT',
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_STEP_SUMMARY',
    ];
    const fileEnv = Object.fromEntries(names.map((n) => [n, path.join(files, n.toLowerCase())]));
    for (const file of Object.values(fileEnv)) await writeFile(file, '');
    const env = {
      ...(await this.job.baseEnv()),
      ...(await inputEnv(this.inputs)),
      ...Object.fromEntries(Object.entries(this.state).map(([k, v]) => [`STATE_${k}`, v])),
      ...fileEnv,
    };
    const script = path.join(actionRoot, 'dist', `${stage}.js`);
    // ACTION_TEST_NODE: run the stages on another Node (the runner uses Node 24), e.g. `npx node@24`.
    const node = process.env.ACTION_TEST_NODE || process.execPath;
    const worker = this.job.runnerWorker();
    const run = worker
      ? await (await worker).run(node, script, env, this.job.workspace)
      : await spawnStage(node, script, env, this.job.workspace);

    const read = (name: string) => readFile(fileEnv[name]!, 'utf8');
    const [stateText, outputText, envText, pathText, summary] = await Promise.all(names.map(read));
    const state = parseFileCommands(stateText!);
    const exported = parseFileCommands(envText!);
    const added = pathText!.split(/\r?\n/).filter((l) => l !== '');
    // What the runner does after the stage: keep state for this step, env and PATH for the job.
    Object.assign(this.state, state);
    Object.assign(this.job.env, exported);
    this.job.addedPath.unshift(...added.reverse());
    const result: StageResult = {
      stage,
      ...run,
      outputs: parseFileCommands(outputText!),
      env: exported,
      path: added,
      state,
      summary: summary!,
      files: [stateText, outputText, envText, pathText, summary].join('\n'),
    };
    this.results.push(result);
    return result;
  }
}

/** A stage with no runner process above it. */
async function spawnStage(
  node: string,
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<StageRun> {
  const started = performance.now();
  const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let exitMs = 0;
  child.once('exit', () => {
    exitMs = performance.now() - started;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  });
  return { code, stdout, stderr, exitMs, closeMs: performance.now() - started };
}

/** INPUT_<NAME> for each input: action.yml's defaults, then the step's `with:`. */
async function inputEnv(inputs: Record<string, string>): Promise<Record<string, string>> {
  const values = { ...(await actionDefaults()), ...inputs };
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
}

let defaults: Promise<Record<string, string>> | undefined;

/** The inputs' defaults from action.yml, `${{ github.token }}` replaced by a fake token. */
export function actionDefaults(): Promise<Record<string, string>> {
  defaults ??= readFile(path.join(repoRoot, 'action.yml'), 'utf8').then((text) => {
    const result: Record<string, string> = {};
    const block = text.split(/^inputs:\s*$/m)[1]!.split(/^\S/m)[0]!;
    let current: string | null = null;
    for (const line of block.split(/\r?\n/)) {
      const name = /^ {2}([a-z-]+):\s*$/.exec(line);
      if (name) {
        current = name[1]!;
        continue;
      }
      const value = /^ {4}default:\s*(.*)$/.exec(line);
      if (value && current) {
        const raw = value[1]!.trim().replace(/^(['"])(.*)\1$/, '$2');
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not JS
        result[current] = raw === '${{ github.token }}' ? FAKE_TOKEN : raw;
      }
    }
    return result;
  });
  return defaults;
}

/** The `name<<DELIMITER` / value / `DELIMITER` format (and plain `name=value` lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated ${name}<<${delimiter} in file command`);
      result[name!] = value.join('\n');
      continue;
    }
    const simple = /^([^=]+)=(.*)$/.exec(line);
    if (simple) result[simple[1]!] = simple[2]!;
  }
  return result;
}
