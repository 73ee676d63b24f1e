/** The `stigmer-e2e` CLI as users run it: a real process, its exit codes, its output. */
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureStack } from './helpers/fixture-profile.js';
import { track } from './helpers/leftovers.js';
import { CLI, isRunning, lifecycleEvents, portAccepts, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

const exec = promisify(execFile);
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir('cli');
});
afterEach(async () => {
  await temp.remove();
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      env: { ...process.env, CI: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('stigmer-e2e', () => {
  it('run: gives the command the profile env, exits with its code, stops what it started', async () => {
    const stack = await fixtureStack(temp.dir);
    const out = path.join(temp.dir, 'seen.txt');
    const script = `require('fs').writeFileSync(${JSON.stringify(out)}, process.env.FIXTURE_URL); process.exit(7)`;
    const ran = await cli([
      'run',
      '--config',
      stack.specFile,
      '--',
      process.execPath,
      '-e',
      script,
    ]);
    expect(ran.code).toBe(7);
    expect(await readFile(out, 'utf8')).toBe(`http://127.0.0.1:${stack.port}/`);
    expect(ran.stderr).toMatch(/fixture is available \(started by this run/);
    expect(ran.stderr).not.toMatch(/while this run held it/); // too short to report usage
    expect(ran.stderr).toMatch(/fixture stopped in/);
    expect(await portAccepts(stack.port)).toBe(false);
  });

  it("run: the closing lines report the stack's memory and CPU while the command ran", async () => {
    const stack = await fixtureStack(temp.dir);
    const ran = await cli([
      'run',
      '--config',
      stack.specFile,
      '--',
      process.execPath,
      '-e',
      'setTimeout(() => {}, 2500)',
    ]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(
      /fixture, while this run held it \(\d+ s\): peak [\d.]+ MiB, [\d.]+% CPU on average \(server /,
    );
  });

  it('run: a shell-looking argument reaches the command as one literal argument', async () => {
    const stack = await fixtureStack(temp.dir);
    const out = path.join(temp.dir, 'args.json');
    const script = `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(1)))`;
    const ran = await cli([
      'run',
      '--config',
      stack.specFile,
      '--',
      process.execPath,
      '-e',
      script,
      '; rm -rf ~',
      '$(id)',
    ]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(['; rm -rf ~', '$(id)']);
  });

  it('run: unavailable under skip exits 3 without running the command; under fail exits 1', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_FAIL: '1' });
    const marker = path.join(temp.dir, 'ran');
    const command = [
      '--',
      process.execPath,
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
    ];
    const skip = await cli([
      'run',
      '--config',
      stack.specFile,
      '--on-unavailable',
      'skip',
      ...command,
    ]);
    expect(skip.code).toBe(3);
    expect(skip.stderr).toMatch(/fixture is unavailable: the server process .* exited with code 1/);
    expect(skip.stderr).toContain('fatal: cannot bind: simulated failure');
    const fail = await cli(['run', '--config', stack.specFile, ...command], { CI: 'true' });
    expect(fail.code).toBe(1);
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('run: Ctrl-C reaches the command, the lease is released and the stack stopped', async () => {
    const stack = await fixtureStack(temp.dir);
    const marker = path.join(temp.dir, 'got-sigint');
    const script = `process.on('SIGINT', () => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); process.exit(130); }); console.log('ready'); setInterval(() => {}, 1000);`;
    const child = track(
      spawn(
        process.execPath,
        [CLI, 'run', '--config', stack.specFile, '--', process.execPath, '-e', script],
        {
          // Its own group, so that a failing test's cleanup stops the command it runs too.
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, CI: '' },
        },
      ),
      { group: true },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    await waitFor(() => stdout.includes('ready'), 20_000, 'the command to start');
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT'); // only the CLI: it must pass it on
    expect(await exited).toBe(130);
    expect(await readFile(marker, 'utf8')).toBe('yes');
    expect(await portAccepts(stack.port)).toBe(false);
    expect((await lifecycleEvents(stack.startsFile)).map((e) => e.what)).toEqual(['start', 'stop']);
  });

  it('up --json, status, down --lease: an explicit lease across commands', async () => {
    const stack = await fixtureStack(temp.dir);
    const up = await cli(['up', '--config', stack.specFile, '--json', '--label', 'my job']);
    expect(up.code).toBe(0);
    const handle = JSON.parse(up.stdout);
    expect(handle).toMatchObject({
      available: true,
      owned: true,
      reused: false,
      outcome: 'started',
      env: { FIXTURE_URL: expect.any(String) },
    });
    expect(await portAccepts(stack.port)).toBe(true); // the server outlives `up`
    const status = await cli(['status', '--config', stack.specFile, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      available: true,
      owner: { leaseId: handle.leaseId },
      leases: [{ id: handle.leaseId, label: 'my job', alive: true }],
    });
    const human = await cli(['status', '--config', stack.specFile]);
    expect(human.stdout).toMatch(/● .* my job {2}alive/);
    const down = await cli(['down', '--config', stack.specFile, '--lease', handle.leaseId]);
    expect(down.code).toBe(0);
    expect(down.stderr).toMatch(/fixture stopped in/);
    expect(await portAccepts(stack.port)).toBe(false);
    const again = await cli(['down', '--config', stack.specFile, '--lease', handle.leaseId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no lease .*: already released, expired/);
    expect((await cli(['status', '--config', stack.specFile])).code).toBe(3);
  });

  it('exit code 2 for wrong use, with the problem named', async () => {
    expect(await cli([])).toMatchObject({ code: 2 });
    const unknown = await cli(['frobnicate']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command "frobnicate"/),
    });
    const flag = await cli(['up', '--bogus']);
    expect(flag).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--bogus'/),
    });
    const noCommand = await cli(['run']);
    expect(noCommand).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/run needs a command after `--`/),
    });
    const badMismatch = await cli(['run', '--on-mismatch', 'maybe', '--', 'true']);
    expect(badMismatch).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--on-mismatch expects "reuse" or "unavailable", got "maybe"/),
    });
    const badTimeout = await cli(['up', '--timeout', 'soon']);
    expect(badTimeout).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--timeout expects a positive number of seconds, got "soon"/),
    });
  });

  it('every command has help with an example', async () => {
    for (const command of ['up', 'down', 'status', 'run', 'logs']) {
      const help = await cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: stigmer-e2e ${command}`));
      expect(help.stdout).toMatch(/Example/);
    }
  });

  it('a bad config file: every problem listed at once, exit 1', async () => {
    const file = path.join(temp.dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'x',
        start: { command: [], mode: 'daemon' },
        components: [{ name: 'a', probe: { udp: 1 } }],
        extra: true,
      }),
    );
    const ran = await cli(['status', '--config', file]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(`Invalid server spec in ${file}:`);
    expect(ran.stderr).toContain('start.command: expected a command, got an empty array');
    expect(ran.stderr).toContain(
      'components[0].probe: expected one of tcp, http, grpc, pidFile, command, docker, anyOf',
    );
    expect(ran.stderr).toContain('extra: unknown key');
    expect(ran.stderr).toContain('stop: a daemon-mode stack needs a stop command');
    const missing = await cli(['status', '--config', path.join(temp.dir, 'nope.mjs')]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Cannot load --config .*nope\.mjs.*no such file/),
    });
  });

  it('an .mjs config with relative paths resolved against its own directory', async () => {
    const stack = await fixtureStack(temp.dir);
    const file = path.join(temp.dir, 'profile.mjs');
    const spec = { ...stack.spec, stateDir: './state-from-mjs' };
    await writeFile(file, `export default ${JSON.stringify(spec)};`);
    const ran = await cli(['status', '--config', file, '--json']);
    expect(ran.code).toBe(3);
    expect(JSON.parse(ran.stdout).stateDir).toBe(path.join(temp.dir, 'state-from-mjs'));
  });

  it('logs: the last lines of each log', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_FAIL: '1' });
    await cli(['up', '--config', stack.specFile, '--on-unavailable', 'skip']);
    const logs = await cli(['logs', '--config', stack.specFile, '--lines', '5']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toMatch(/--- server: .*server\.log \(last \d lines\)/);
    expect(logs.stdout).toContain('fatal: cannot bind: simulated failure');
  });

  it('the default profile is the Stigmer stack: a clear error when `stigmer` is missing', async () => {
    const ran = await cli(['run', '--timeout', '5', '--', 'true'], {
      HOME: temp.dir,
      STIGMER_E2E_BIN: path.join(temp.dir, 'no-such-stigmer'),
      STIGMER_SERVER_ADDR: 'localhost:1',
      TEMPORAL_ADDRESS: 'localhost:2',
    });
    expect(ran.code).toBe(3);
    expect(ran.stderr).toMatch(
      /Cannot start `.*no-such-stigmer server`: ".*no-such-stigmer" was not found.*Install it, put it on PATH/,
    );
    // Nothing ran, so nothing is stopped and no component log is listed as missing.
    expect(ran.stderr).not.toMatch(/server stop/);
    expect(ran.stderr).not.toMatch(/no such file/);
  });

  it('leaves no process behind after `up` fails', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '60000' });
    const ran = await cli([
      'up',
      '--config',
      stack.specFile,
      '--timeout',
      '1',
      '--on-unavailable',
      'skip',
    ]);
    expect(ran.code).toBe(3);
    expect(ran.stderr).toMatch(/timed out after 1 s waiting for web/);
    const [start] = await lifecycleEvents(stack.startsFile);
    expect(await isRunning(start!.pid)).toBe(false);
  });
});
