import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runProgram } from './support/cli.js';
import { environOf } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

const SECRET = 'sk-ant-do-not-print-me';

describe('API keys and the environment (page: "The process tree", 3; "Environment")', () => {
  it('anthropic without its key and without a terminal: exit 1 with a message that names no variable', async () => {
    stack = await createStack();
    const start = await stack.run(['server'], { vars: { STIGMER_LLM_PROVIDER: 'anthropic' } });
    expect(start.code).toBe(1);
    expect(start.stderr).toBe(
      'Enter Anthropic API key: Error: failed to gather required secrets: failed to get Anthropic API key: inappropriate ioctl for device\n',
    );
    expect(start.stdout).toContain('ℹ Using anthropic with model qwen2.5-coder:7b'); // the default config's model
  });

  it('anthropic without its key on a terminal: prompts, and the typed key reaches stigmer-server', async () => {
    stack = await createStack();
    const { layout } = stack;
    const cli = `node ${join(import.meta.dirname, '../dist/cli.js')}`;
    // All inside one pseudo-terminal session: stigmer-server shares the CLI's process group, so
    // it would get SIGHUP (and die, as the real one does) once that terminal goes away.
    const session = [
      `${cli} server`,
      `until [ -f ${layout.containerIdFile} ]; do sleep 0.2; done`,
      `tr '\\0' '\\n' < /proc/$(cat ${layout.daemonPidFile})/environ | grep -c '^ANTHROPIC_API_KEY=${SECRET}$'`,
      `${cli} server stop`,
    ].join(' && ');
    const env = stack.env({
      vars: { STIGMER_LLM_PROVIDER: 'anthropic', STIGMER_LLM_MODEL: 'claude-test' },
    });
    const driver = join(import.meta.dirname, 'support/pty-run.py');
    const result = await runProgram(
      'python3',
      [driver, 'Enter Anthropic API key: ', SECRET, session],
      env,
      120_000,
    );
    expect(result.stdout).toContain('Enter Anthropic API key: ');
    expect(result.stdout).toContain('✓ Anthropic API key configured');
    expect(result.stdout).toMatch(/^1\r?$/m); // the key is in stigmer-server's environment
    expect(result.stdout).not.toContain(SECRET); // not echoed
    expect(result.stdout).toContain('✓ Server stopped successfully');
    expect(result.code).toBe(0);
  }, 120_000);

  it('passes the resolved STIGMER_LLM_* to stigmer-server (its environ) and the container; never logs a key', async () => {
    stack = await createStack();
    const vars = {
      STIGMER_LLM_PROVIDER: 'anthropic',
      STIGMER_LLM_MODEL: 'claude-test',
      ANTHROPIC_API_KEY: SECRET,
    };
    const start = await stack.run(['server'], { vars });
    expect(start.code).toBe(0);
    expect(start.stderr).toBe('✓ Using ANTHROPIC_API_KEY from environment\n');
    await stack.serving();
    const server = environOf(stack.pid(stack.layout.daemonPidFile));
    expect(server.STIGMER_LLM_PROVIDER).toBe('anthropic');
    expect(server.STIGMER_LLM_MODEL).toBe('claude-test');
    expect(server.STIGMER_LLM_BASE_URL).toBe(`http://localhost:${stack.ollamaPort}`); // the config's, as in the source
    const container = await stack.docker(
      'inspect',
      '-f',
      '{{json .Config.Env}}',
      'stigmer-agent-runner',
    );
    expect(JSON.parse(container.stdout)).toContain('STIGMER_LLM_MODEL=claude-test');
    const logs = await stack.docker('logs', 'stigmer-agent-runner');
    expect(logs.stdout).toContain('ANTHROPIC_API_KEY is set');
    for (const dir of [stack.layout.logDir, stack.layout.userLogDir]) {
      for (const name of readdirSync(dir)) {
        if (statSync(join(dir, name)).isFile()) {
          expect(readFileSync(join(dir, name), 'utf8')).not.toContain(SECRET);
        }
      }
    }
    expect(logs.stdout + logs.stderr).not.toContain(SECRET);
  });

  it('TEMPORAL_SERVICE_ADDRESS: no managed Temporal is started, the runners get that address', async () => {
    stack = await createStack();
    const external = `127.0.0.1:${stack.temporalPort}`; // nothing listens: the start does not care
    const start = await stack.run(['server'], { vars: { TEMPORAL_SERVICE_ADDRESS: external } });
    expect(start.code).toBe(0);
    expect(() => readFileSync(stack?.layout.temporalPidFile ?? '')).toThrow();
    const server = environOf(stack.pid(stack.layout.daemonPidFile));
    expect(server.TEMPORAL_SERVICE_ADDRESS).toBe(external);
  });

  it('stigmer-server dials Temporal at TEMPORAL_HOST_PORT, not at the address the CLI passes on', async () => {
    stack = await createStack();
    const start = await stack.run(['server'], { vars: { TEMPORAL_HOST_PORT: '127.0.0.1:9' } });
    expect(start.code).toBe(0);
    await stack.serving(60_000); // three failed tries, 1 s and 2 s apart, are not fatal
    const log = readFileSync(join(stack.layout.logDir, 'stigmer-server.log'), 'utf8');
    expect(log).toContain('Failed initial Temporal connection after all retries');
    expect(log).toContain('host_port=127.0.0.1:9');
  });
});
