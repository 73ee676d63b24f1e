/**
 * `stigmer-e2e run -- go test`: the example's Go suite (e2e/stack_test.go, build tag `e2e`)
 * against the emulated Stigmer stack, with real processes. Each test has its own HOME and ports,
 * and ends with nothing of its own running (checked by port and by pid) and its temp dir removed.
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI,
  cli,
  exists,
  GO_FIXTURES,
  REPORTS,
  requireProgram,
  run,
  stackGone,
  stackPerTest,
  start,
  waitFor,
  withoutStackVars,
} from './harness.js';

const GO_TEST = ['go', 'test', '-tags=e2e', '-count=1', '-v', './...'];
/**
 * Go's files (build and module caches, its config and telemetry) for this file's tests: shared,
 * so the suite compiles once, not once per test's HOME; removed after the tests.
 */
const GO_HOME = mkdtempSync(path.join(os.tmpdir(), 'any-runner-go-'));
afterAll(() => rm(GO_HOME, { recursive: true, force: true, maxRetries: 5 }));
const GO_ENV = {
  GOCACHE: path.join(GO_HOME, 'cache'),
  GOPATH: path.join(GO_HOME, 'path'),
  XDG_CONFIG_HOME: path.join(GO_HOME, 'config'),
  GOFLAGS: '',
};

const newStack = stackPerTest(GO_ENV);

beforeAll(() =>
  requireProgram(
    'go',
    ['version'],
    'These tests run Go: `go` must be on PATH (Go 1.19+; on Debian, apt-get install -y golang-go).',
  ),
);

describe('stigmer-e2e run -- go test', () => {
  it('passes: the stack is started for the suite, which finds both gRPC servers, and is stopped after', async () => {
    const s = await newStack();
    const ran = await cli(['run', '--', ...GO_TEST], s.env);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/started by this run/);
    expect(ran.stdout).toMatch(/--- PASS: TestStigmerServerSpeaksGRPC/);
    expect(ran.stdout).toMatch(/--- PASS: TestTemporalSpeaksGRPC/);
    expect(ran.stdout).not.toMatch(/SKIP/);
    expect(ran.stdout).toMatch(/^ok\s+example\.com\/stigmer-e2e-any-runner\/e2e/m);
    expect(ran.stderr).toMatch(/stopped in/);
    // `go test -v` output is Go's own report (one `--- PASS: Name` line per test).
    await mkdir(REPORTS, { recursive: true });
    await writeFile(path.join(REPORTS, 'go-test.txt'), ran.stdout);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it("a failing test: run exits with go test's code (1) and still stops the stack", async () => {
    const s = await newStack();
    const ran = await cli(['run', '--', 'go', 'test', '-count=1', './failing'], s.env, GO_FIXTURES);
    expect(ran.code, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stdout).toMatch(/this test fails on purpose/);
    expect(ran.stdout).not.toMatch(/STIGMER_SERVER_ADDR is not set/);
    expect(ran.stdout).toMatch(/^FAIL\s+example\.com\/stigmer-e2e-fixtures\/failing/m);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });

  it('Ctrl-C to stigmer-e2e reaches the test binary that go test runs; the stack is stopped', async () => {
    // `go test` does not pass an interrupt on to the test binary it runs (a terminal's Ctrl-C
    // reaches both): run must signal the command's children too, or the test runs to its end.
    const s = await newStack();
    const running = start(
      process.execPath,
      [CLI, 'run', '--', 'go', 'test', '-count=1', '-v', './slow'],
      s.env,
      { cwd: GO_FIXTURES },
    );
    await waitFor(
      () => exists(path.join(s.markers, 'started')),
      60_000,
      'the slow Go test to start',
    );
    running.child.kill('SIGINT'); // to the CLI's pid only
    const ran = await running.exited;
    expect(await readFile(path.join(s.markers, 'interrupted'), 'utf8')).toBe('SIGINT');
    expect(ran.code, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stdout).toMatch(/--- FAIL: TestWaitsForInterrupt/);
    expect(ran.stdout).not.toMatch(/no interrupt within 20 s/);
    expect(ran.stderr).toMatch(/stopped in/);
    expect(await stackGone(s)).toEqual({ openPorts: [], left: [] });
  });
});

describe("Go's own files", () => {
  it('its build cache, module cache and config are in a temp dir removed after these tests', async () => {
    const s = await newStack();
    const ran = await run('go', ['env', 'GOCACHE', 'GOMODCACHE', 'GOPATH', 'GOENV'], s.env);
    expect(ran.code, ran.stderr).toBe(0);
    const dirs = ran.stdout.trim().split('\n');
    expect(dirs).toHaveLength(4);
    for (const dir of dirs) expect(dir.startsWith(GO_HOME + path.sep), dir).toBe(true);
  });
});

describe('the Go suite on its own', () => {
  it('without the env of stigmer-e2e: every test is skipped with how to run it', async () => {
    const ran = await run('go', GO_TEST.slice(1), { ...withoutStackVars(process.env), ...GO_ENV });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/--- SKIP: TestStigmerServerSpeaksGRPC/);
    expect(ran.stdout).toContain(
      'STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS are not set: run these tests through stigmer-e2e',
    );
    expect(ran.stdout).toContain('npx stigmer-e2e run -- go test -tags=e2e -count=1 ./...');
  });
});
