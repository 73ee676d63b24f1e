/** The `stigmer-e2e` CLI as users run it: a real process, its exit codes, its output. */
import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureStack } from './helpers/fixture-profile.js';
import { track } from './helpers/leftovers.js';
import { CLI, isRunning, lifecycleEvents, portAccepts, waitFor } from './helpers/processes.js';
import { tempDir } from './helpers/temp.js';

/** A failing test must not leave its server running: SIGKILL it by the pid it recorded. */
function stopIfRunning(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

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

  it('down before anything ever ran on the machine (no state dir yet): there is no lease, not a crash', async () => {
    const home = path.join(temp.dir, 'fresh-home'); // the Stigmer profile's state dir is under HOME
    await mkdir(home);
    const down = await cli(['down', '--lease', 'abc'], { HOME: home });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/no lease abc on stigmer: already released, expired/);
    expect(down.stderr).not.toMatch(/unexpected error|bug in stigmer-e2e/);
  });

  it('messages say what happened once: up prints its handle, a second down only says there is no lease, status says not running, --quiet keeps only the result', async () => {
    const stack = await fixtureStack(temp.dir);
    const idle = await cli(['status', '--config', stack.specFile]);
    expect(idle.stdout).toMatch(/^Not running\.$/m);
    expect(idle.stdout).not.toMatch(/never stopped/);
    const up = await cli(['up', '--config', stack.specFile]);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/✓ fixture is available \(started by this run, which owns it\)/);
    const leaseId = /Lease (\S+): release it with `stigmer-e2e down --lease \1`/.exec(
      up.stdout,
    )?.[1];
    expect(leaseId).toBeDefined();
    expect(up.stderr).toMatch(/starting it/); // progress and steps go to stderr
    expect(up.stderr + up.stdout).not.toContain('\u001b['); // no escape codes without a terminal
    const down = await cli(['down', '--quiet', '--config', stack.specFile, '--lease', leaseId!]);
    expect(down.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^fixture stopped in [\d.]+ s \(stigmer-e2e started it and no other run uses it\)\.$/,
      ),
    ]);
    const again = await cli(['down', '--config', stack.specFile, '--lease', leaseId!]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^stigmer-e2e: no lease .*: already released, expired, or from another profile; nothing was changed/,
      ),
    ]);
    const both = await cli(['status', '--quiet', '--verbose']);
    expect(both.code).toBe(2);
  });

  it('status --timeline: how the start went, component by component, and what it waited on last', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '400' });
    const before = await cli(['status', '--timeline', '--config', stack.specFile]);
    expect(before.stdout).toMatch(/fixture: no timeline: it was not started by stigmer-e2e\./);
    const up = await cli(['up', '--json', '--config', stack.specFile]);
    const handle = JSON.parse(up.stdout);
    expect(handle.timeline).toMatchObject({ components: { web: expect.any(Number) } });
    const shown = await cli(['status', '--timeline', '--config', stack.specFile]);
    expect(shown.stdout).toMatch(/^fixture, started by stigmer-e2e at \S+: ready after [\d.]+ s$/m);
    expect(shown.stdout).toMatch(/^ {2}web +\|█+ *\| +[\d.]+ s {2}<- waited on last$/m);
    await cli(['down', '--config', stack.specFile, '--lease', handle.leaseId]);
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

  it('--require names the Stigmer components that must be ready; a wrong name lists the right ones', async () => {
    const bogus = await cli(['status', '--require', 'temporal,bogus'], { HOME: temp.dir });
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toMatch(
      /require: no component "bogus"; expected some of temporal, workflow-runner, agent-runner/,
    );
    const both = await cli(['status', '--require', 'temporal', '--config', 'x.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--require applies to the Stigmer profile/);
    const status = await cli(['status', '--json', '--require', 'agent-runner'], {
      HOME: temp.dir,
      STIGMER_SERVER_ADDR: '127.0.0.1:1',
    });
    const required = JSON.parse(status.stdout).components.filter(
      (c: { required: boolean }) => c.required,
    );
    expect(required.map((c: { name: string }) => c.name)).toEqual([
      'stigmer-server',
      'agent-runner',
    ]);
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
      /Cannot start `.*no-such-stigmer server`: ".*no-such-stigmer" was not found.*STIGMER_E2E_BIN is set to ".*no-such-stigmer", which is not a program: fix or unset it/,
    );
    expect(ran.stderr).toMatch(/`true` was not run: stigmer is unavailable \(exit 3: skipped/);
    const unset = await cli(['run', '--timeout', '5', '--', 'true'], {
      HOME: temp.dir,
      PATH: '/nonexistent',
      STIGMER_E2E_BIN: '',
      STIGMER_SERVER_ADDR: 'localhost:1',
      TEMPORAL_ADDRESS: 'localhost:2',
    });
    expect(unset.stderr).toMatch(
      /"stigmer" was not found.*Install the Stigmer CLI \(https:\/\/github.com\/stigmer\/stigmer\), put `stigmer` on PATH, or set STIGMER_E2E_BIN/,
    );
    // Nothing ran, so nothing is stopped and no component log is listed as missing.
    expect(ran.stderr).not.toMatch(/server stop/);
    expect(ran.stderr).not.toMatch(/no such file/);
  });

  it('up SIGKILLed before it printed its lease: the lease dies with it and the watchdog stops the stack', async () => {
    const stack = await fixtureStack(temp.dir, { FIXTURE_DELAY_MS: '60000' });
    const up = spawn(process.execPath, [CLI, 'up', '--config', stack.specFile, '--json'], {
      env: { ...process.env, CI: '', STIGMER_E2E_WATCHDOG_GRACE_MS: '300' },
      stdio: 'ignore',
    });
    const reap = () => up.exitCode === null && up.signalCode === null && up.kill('SIGKILL');
    try {
      const stateFile = path.join(stack.spec.stateDir!, 'state.json');
      await waitFor(
        async () => (await lifecycleEvents(stack.startsFile)).length > 0,
        15_000,
        'the server to start',
      );
      const state = JSON.parse(await readFile(stateFile, 'utf8'));
      expect(state.leases).toHaveLength(1);
      up.kill('SIGKILL'); // a CI timeout, before the handle was printed
      const [start] = await lifecycleEvents(stack.startsFile);
      await waitFor(
        async () => !(await isRunning(start!.pid)),
        15_000,
        'the watchdog to stop the stack',
      );
      const status = JSON.parse(
        (await cli(['status', '--config', stack.specFile, '--json'])).stdout,
      );
      expect(status.owner).toBeNull();
      expect(status.leases).toEqual([]);
    } finally {
      reap();
      for (const e of await lifecycleEvents(stack.startsFile)) stopIfRunning(e.pid);
    }
  });

  it('up --holder-pid: the lease lives and dies with that process, checked by pid and start time', async () => {
    const stack = await fixtureStack(temp.dir);
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    try {
      const up = await cli(
        ['up', '--config', stack.specFile, '--json', '--holder-pid', String(holder.pid)],
        { STIGMER_E2E_WATCHDOG_GRACE_MS: '300' },
      );
      expect(up.code).toBe(0);
      const handle = JSON.parse(up.stdout);
      expect(handle).toMatchObject({ available: true, owned: true });
      const status = JSON.parse(
        (await cli(['status', '--config', stack.specFile, '--json'])).stdout,
      );
      expect(status.leases).toMatchObject([
        { id: handle.leaseId, alive: true, holder: { pid: holder.pid } },
      ]);
      expect(await portAccepts(stack.port)).toBe(true); // `up` has exited; the holder keeps it
      holder.kill('SIGKILL');
      await waitFor(
        async () => !(await portAccepts(stack.port)),
        15_000,
        'the watchdog to stop it',
      );
      const dead = await cli(['up', '--config', stack.specFile, '--holder-pid', '999999999']);
      expect(dead.code).toBe(2);
      expect(dead.stderr).toMatch(/--holder-pid 999999999: no such process/);
    } finally {
      holder.kill('SIGKILL');
      for (const e of await lifecycleEvents(stack.startsFile)) stopIfRunning(e.pid);
    }
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
