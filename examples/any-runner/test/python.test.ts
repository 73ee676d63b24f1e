/**
 * `stigmer-e2e run -- <any test runner>`: a standard-library Python suite against the emulated
 * Stigmer stack, with real processes. Each test has its own HOME and ports, and ends with
 * nothing of its own running (checked by port and by pid) and its temp dir removed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  cli,
  exists,
  PY_FIXTURES,
  REPORTS,
  requireProgram,
  run,
  stackGone,
  stackPerTest,
  start,
  waitFor,
  withoutStackVars,
} from './harness.js';

const PYTHON = 'python3';
/** `python3 -m unittest discover -s DIR ... -v`: the standard library's runner. */
const unittest = (dir: string, ...more: string[]) =>
  [PYTHON, '-m', 'unittest', 'discover', '-s', dir, ...more, '-v'] as const;
const UNITTEST = unittest('e2e'); // the example's suite, relative to the package
const fixture = (file: string) => unittest(PY_FIXTURES, '-p', file);

const newStack = stackPerTest();

beforeAll(() =>
  requireProgram(
    PYTHON,
    ['--version'],
    `These tests run Python: \`${PYTHON}\` must be on PATH (Python 3.8+).`,
  ),
);

describe('stigmer-e2e run -- python3 -m unittest', () => {
  it('passes: the stack is started for the suite, which finds it answering gRPC (Temporal SERVING), and is stopped after', async () => {
    const s = await newStack();
    const ran = await cli(['run', '--', ...UNITTEST], s.env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/started by this run/);
    expect(ran.stderr).toMatch(/test_stigmer_server_answers_grpc .*\.\.\. ok/);
    expect(ran.stderr).toMatch(/test_temporal_is_serving .*\.\.\. ok/);
    expect(ran.stderr).toMatch(/Ran 2 tests in [\d.]+s\s+OK\s/);
    expect(ran.stderr).not.toMatch(/skipped/);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it("a failing test: run exits with the runner's code (1) and still stops the stack", async () => {
    const s = await newStack();
    const ran = await cli(['run', '--', ...fixture('failing_suite.py')], s.env);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stderr).toMatch(/AssertionError: 'SERVING' != 'NOT_SERVING'/);
    expect(ran.stderr).toMatch(
      /gRPC status 5 \(NOT_FOUND\): Health status unknown for service no\.such\.Service/,
    );
    expect(ran.stderr).toMatch(/Ran 2 tests .*\s+FAILED \(failures=1\)/s);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it('Ctrl-C to stigmer-e2e: Python gets KeyboardInterrupt, run exits 130, the stack is stopped', async () => {
    const s = await newStack();
    const running = start(process.execPath, [CLI, 'run', '--', ...fixture('slow_suite.py')], s.env);
    await waitFor(
      () => exists(path.join(s.markers, 'started')),
      30_000,
      'the slow Python test to start',
    );
    running.child.kill('SIGINT'); // to the CLI's pid only: it passes the signal on to Python
    const ran = await running.exited;
    expect(await readFile(path.join(s.markers, 'interrupted'), 'utf8')).toBe('KeyboardInterrupt');
    // Python ends an uncaught KeyboardInterrupt by dying of SIGINT: 128 + 2.
    expect(ran.code, ran.stderr).toBe(130);
    expect(ran.stderr).toMatch(/KeyboardInterrupt/);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it('Ctrl-C in a terminal (SIGINT to the whole process group): non-zero, the stack is stopped', async () => {
    const s = await newStack();
    const running = start(
      process.execPath,
      [CLI, 'run', '--', ...fixture('slow_suite.py')],
      s.env,
      {
        detached: true, // its own process group, as a terminal's foreground job
      },
    );
    await waitFor(
      () => exists(path.join(s.markers, 'started')),
      30_000,
      'the slow Python test to start',
    );
    process.kill(-running.child.pid!, 'SIGINT'); // Python gets it twice: from the tty and the CLI
    const ran = await running.exited;
    expect(ran.code, ran.stderr).not.toBe(0);
    expect(ran.code).not.toBeNull();
    expect(ran.stderr).toMatch(/KeyboardInterrupt/);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it('stack unavailable: exit 3 under --on-unavailable skip, 1 under fail, Python never runs', async () => {
    const s = await newStack({ failStart: true });
    const marker = path.join(s.markers, 'python-ran');
    const python = [PYTHON, '-c', `open(${JSON.stringify(marker)}, "w").close()`];
    const skip = await cli(['run', '--on-unavailable', 'skip', '--', ...python], s.env);
    expect(skip.code, skip.stderr).toBe(3);
    expect(skip.stderr).toMatch(/unavailable/);
    expect(skip.stderr).toMatch(/unable to open database file: permission denied/);
    const fail = await cli(['run', '--on-unavailable', 'fail', '--', ...python], s.env);
    expect(fail.code, fail.stderr).toBe(1);
    expect(await exists(marker)).toBe(false);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });
});

describe('the suite on its own', () => {
  it('without the env of stigmer-e2e: every test is skipped with how to run it', async () => {
    const ran = await run(PYTHON, UNITTEST.slice(1), {
      ...withoutStackVars(process.env),
      PYTHONDONTWRITEBYTECODE: '1',
    });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/Ran 2 tests .*\s+OK \(skipped=2\)/s);
    expect(ran.stderr).toContain(
      'STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS are not set: run these tests through stigmer-e2e',
    );
    expect(ran.stderr).toContain('npx stigmer-e2e run -- python3 -m unittest discover -s e2e');
  });

  it('under pytest too, through stigmer-e2e run', async () => {
    requireProgram(
      PYTHON,
      ['-m', 'pytest', '--version'],
      `pytest is not installed for \`${PYTHON}\`: pip install pytest (on Debian: apt-get install -y python3-pytest; .ci/run does).`,
    );
    const s = await newStack();
    const report = `--junitxml=${path.join(REPORTS, 'pytest.xml')}`; // pytest's own report
    const ran = await cli(
      ['run', '--', PYTHON, '-m', 'pytest', '-p', 'no:cacheprovider', '-rs', '-v'],
      {
        ...s.env,
        PYTEST_ADDOPTS: report,
      },
    );
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/e2e\/test_stack\.py::StackTest::test_temporal_is_serving PASSED/);
    expect(ran.stdout).toMatch(/ 2 passed/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });
});
