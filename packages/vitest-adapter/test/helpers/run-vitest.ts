/**
 * Runs a real Vitest in a fixture project, as a user would: `vitest run` (or watch mode) in
 * its own process group, so that a signal to the group is what Ctrl-C in a terminal sends.
 * STIGMER_E2E_FIXTURE_NODE selects the Node that runs it (default: this one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The fixture run's temp dir (TMPDIR), inside the project: Vitest keeps transformed modules in
 * `<tmpdir>/<id>/ssr` and removes it only when it closes, so a run killed by a signal would
 * otherwise leave it in /tmp.
 */
const TMP_DIR = '.tmp';

export interface VitestRun {
  readonly child: ChildProcess;
  /** Everything written so far (stdout and stderr, in order). */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process and its pipes are done. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  /** Resolves once the output contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
  write(data: string): void;
  /** Signals the whole process group (what a terminal does on Ctrl-C). */
  signal(signal: NodeJS.Signals): void;
}

export interface VitestOptions {
  /** Extra arguments; default `run`. */
  args?: string[];
  env?: Record<string, string>;
  /** Set CI=1 (core's default policy is then `fail`); default: CI unset. */
  ci?: boolean;
  /**
   * Run it on a pseudo-terminal (util-linux `script`), as in a developer's terminal: watch
   * mode then reads keys, and Ctrl-C (`\x03` written to stdin) is a key press, not a signal.
   */
  tty?: boolean;
}

export function startVitest(project: string, options: VitestOptions = {}): VitestRun {
  const node = process.env.STIGMER_E2E_FIXTURE_NODE || process.execPath;
  const entry = path.join(project, 'node_modules', 'vitest', 'vitest.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The outer Vitest's own variables would confuse the inner one.
  for (const name of Object.keys(env))
    if (name.startsWith('VITEST') || name === 'TEST') delete env[name];
  delete env.CI;
  delete env.NODE_OPTIONS;
  const tmp = path.join(project, TMP_DIR);
  mkdirSync(tmp, { recursive: true });
  Object.assign(env, options.env, options.ci ? { CI: '1' } : {}, {
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    TMPDIR: tmp,
  });
  const argv = [node, entry, ...(options.args ?? ['run'])];
  const [command, ...args] = options.tty
    ? [
        'script',
        '--quiet',
        '--flush',
        '--return',
        '--command',
        argv.map(quote).join(' '),
        '/dev/null',
      ]
    : argv;
  const child = spawn(command!, args, {
    cwd: project,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, output })));
  return {
    child,
    output: () => output,
    exited,
    write: (data) => child.stdin!.write(data),
    signal: (signal) => process.kill(-child.pid!, signal),
    waitForOutput: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const matches = () =>
          typeof text === 'string' ? output.includes(text) : text.test(output);
        if (matches()) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${String(text)} in the output after ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (!matches()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          clearTimeout(timer);
          if (matches()) resolve();
          else reject(new Error(`Vitest exited without ${String(text)} in the output:\n${output}`));
        });
      }),
  };
}

/**
 * With STIGMER_E2E_EXPECT_VITEST_MAJOR (scripts/test-vitest5.mjs), every run must report that
 * Vitest major in its banner: the suite must not pass on the wrong Vitest.
 */
function assertVitestMajor(output: string): void {
  const expected = process.env.STIGMER_E2E_EXPECT_VITEST_MAJOR;
  if (!expected) return;
  if (String(vitestMajor(output)) !== expected)
    throw new Error(`expected Vitest ${expected} in the fixture run, got: ${output}`);
}

/** The Vitest major a run's banner (` RUN  v4.1.12 …`) reports; null before the banner. */
export function vitestMajor(output: string): number | null {
  const banner = /\b(?:RUN|DEV)\s+v(\d+)\./.exec(output);
  return banner ? Number(banner[1]) : null;
}

function quote(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

/** `vitest run` to the end, with a JSON report beside the verbose one. */
export async function runVitest(
  project: string,
  options: VitestOptions = {},
): Promise<{ code: number | null; output: string; report: JsonReport | null }> {
  const reportFile = path.join(project, 'report.json');
  const run = startVitest(project, {
    ...options,
    args: options.args ?? [
      'run',
      '--reporter=verbose',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ],
  });
  const { code, output } = await run.exited;
  assertVitestMajor(output);
  const report = await readFile(reportFile, 'utf8')
    .then((text) => JSON.parse(text) as JsonReport)
    .catch(() => null);
  return { code, output, report };
}

/** The parts of Vitest's JSON report the tests read. */
export interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
  success: boolean;
  testResults: Array<{
    assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
  }>;
}

/** Each test's full name and status, e.g. { 'fixture stack answers over HTTP': 'passed' }. */
export function statuses(report: JsonReport | null): Record<string, string> {
  return Object.fromEntries(
    (report?.testResults ?? []).flatMap((file) =>
      file.assertionResults.map((test) => [test.fullName, test.status]),
    ),
  );
}

/** What Vitest left in the fixture run's temp dir: `<id>/<environment>` dirs (its `ssr` cache). */
export async function vitestTempDirs(project: string): Promise<string[]> {
  const tmp = path.join(project, TMP_DIR);
  const ids = await readdir(tmp).catch(() => []);
  const nested = await Promise.all(
    ids.map(async (id) => (await readdir(path.join(tmp, id))).map((e) => path.join(tmp, id, e))),
  );
  return nested.flat();
}
