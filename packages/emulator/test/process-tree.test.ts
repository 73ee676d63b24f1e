import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canConnect } from '../src/net/tcp.js';
import { TemporalLock } from '../src/temporal/lock.js';
import { spawnCli } from './support/cli.js';
import { alive, commandLine, processGroup } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';
import { eventually } from './support/wait.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

describe('the process tree `stigmer server` leaves (page: "The process tree", 4-6)', () => {
  it('returns exit 0 before :7234 opens; the server listens only after the container id is written', async () => {
    // The pull knob stands in for a first image pull (minutes in reality).
    stack = await createStack({ imagePullMs: 4_000 });
    const start = await stack.run(['server']);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('✓ Ready! Stigmer server is running');
    expect(await canConnect(stack.host, stack.serverPort)).toBe(false);
    expect(existsSync(stack.layout.daemonPidFile)).toBe(true);
    await stack.serving();
    expect(existsSync(stack.layout.containerIdFile)).toBe(true);
    expect(readFileSync(stack.layout.containerIdFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts stigmer-server (and workflow-runner) in the CLI process group, Temporal and Ollama in groups of their own', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const ours = processGroup(process.pid); // execFile does not detach: the CLI ran in this group
    const server = stack.pid(stack.layout.daemonPidFile);
    const runner = stack.pid(stack.layout.workflowRunnerPidFile);
    const temporal = stack.pid(stack.layout.temporalPidFile);
    const ollama = stack.pid(stack.layout.llmPidFile);
    expect(processGroup(server)).toBe(ours);
    expect(processGroup(runner)).toBe(ours);
    expect(processGroup(temporal)).toBe(temporal);
    expect(processGroup(ollama)).toBe(ollama);
    expect(commandLine(server)).toMatch(/cli\.js internal-server$/);
    expect(commandLine(runner)).toMatch(/cli\.js internal-workflow-runner$/);
    expect(commandLine(temporal)).toContain(
      `${stack.layout.binDir}/temporal server start-dev --port ${stack.temporalPort} --db-filename ${stack.layout.temporalDbFile} --ui-port 8233`,
    );
    expect(readFileSync(`/proc/${temporal}/comm`, 'utf8').trim()).toBe('temporal');
    expect(commandLine(ollama)).toContain(`${stack.layout.binDir}/ollama serve`);
  });

  it('writes the files of the page: daemon.pid without newline, temporal.pid in three lines, logs where they live, no .err twins', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const { layout } = stack;
    expect(readFileSync(layout.daemonPidFile, 'utf8')).toMatch(/^\d+$/);
    expect(readFileSync(layout.workflowRunnerPidFile, 'utf8')).toMatch(/^\d+$/);
    expect(readFileSync(layout.temporalPidFile, 'utf8')).toMatch(/^\d+\ntemporal\n\d{10}\n$/);
    expect(readFileSync(layout.llmPidFile, 'utf8')).toMatch(/^\d+$/);
    expect(readdirSync(layout.logDir).sort()).toEqual([
      'stigmer-server.log',
      'workflow-runner.log',
    ]);
    expect(readdirSync(layout.userLogDir).sort()).toEqual(['llm.log', 'temporal.log']);
    expect(readFileSync(join(layout.logDir, 'stigmer-server.log'), 'utf8')).toContain(
      'INF Stigmer Server started successfully',
    );
    expect(readFileSync(layout.temporalLogFile, 'utf8')).toContain(
      `Server:  127.0.0.1:${stack.temporalPort}`,
    );
    expect(readFileSync(layout.configFile, 'utf8')).toContain('provider: ollama');
    expect(existsSync(layout.cliContainerIdFile)).toBe(false); // what the CLI reads; nothing writes it
  });

  it('holds temporal.lock from the starting CLI only: held while it runs, free once it exited', async () => {
    stack = await createStack();
    const cli = spawnCli(['server'], stack.env());
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve));
    const lock = new TemporalLock(stack.layout.temporalLockFile);
    // Freeze the CLI once Temporal's pid file exists: the lock is the CLI's, so it is held.
    expect(await eventually(() => existsSync(stack?.layout.temporalPidFile ?? ''), 30_000)).toBe(
      true,
    );
    process.kill(cli.pid as number, 'SIGSTOP');
    try {
      expect(lock.isLocked()).toBe(true);
      expect(readFileSync(stack.layout.temporalLockFile, 'utf8')).toMatch(
        new RegExp(`^${cli.pid} `),
      );
    } finally {
      process.kill(cli.pid as number, 'SIGCONT');
    }
    expect(await exited).toBe(0);
    expect(lock.isLocked()).toBe(false);
    expect(alive(stack.pid(stack.layout.temporalPidFile))).toBe(true);
  });
});
