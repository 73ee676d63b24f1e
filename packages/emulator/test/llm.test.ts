import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, environOf } from './support/processes.js';
import { createStack, destroyStack, type TestStack } from './support/stack.js';

let stack: TestStack | undefined;
afterEach(async () => {
  await destroyStack(stack);
  stack = undefined;
});

const NO_MODELS =
  'Error: failed to setup local LLM: failed to ensure model availability: no models found\n\nTo install the default model:\n  stigmer server llm pull qwen2.5-coder:7b\n\nOr browse models at: https://ollama.ai/library\n';

describe('Ollama and the model (page: "The process tree", 2; "Commands", llm row)', () => {
  it('with no model exits 1 with the real message, having downloaded and started Ollama (left running)', async () => {
    stack = await createStack({ ollamaModels: [] });
    const start = await stack.run(['server']);
    expect(start.code).toBe(1);
    expect(start.stdout).toContain('✗ Failed to start server');
    expect(start.stderr).toBe(NO_MODELS);
    const { layout } = stack;
    expect(existsSync(join(layout.binDir, 'ollama'))).toBe(true);
    expect(alive(stack.pid(layout.llmPidFile))).toBe(true);
    expect(readFileSync(layout.llmLogFile, 'utf8')).toContain(
      `Listening on 127.0.0.1:${stack.ollamaPort}`,
    );
    expect(existsSync(layout.daemonPidFile)).toBe(false);
    expect(existsSync(layout.temporalPidFile)).toBe(false); // the model check comes first
  });

  it('`llm pull` pulls with progress (into ~/.ollama/models); the next start then succeeds', async () => {
    stack = await createStack({ ollamaModels: [], modelPullMs: 1_000 });
    expect((await stack.run(['server'])).code).toBe(1);
    const pull = await stack.run(['server', 'llm', 'pull', 'qwen2.5-coder:7b']);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toContain('ℹ Pulling model qwen2.5-coder:7b...');
    expect(pull.stdout).toMatch(/pulling [0-9a-f]{12}\.\.\. 50% /);
    expect(pull.stdout).toContain('success\n✓ Model qwen2.5-coder:7b is ready');
    expect(
      existsSync(
        join(stack.layout.ollamaModelsDir, 'manifests/registry.ollama.ai/library/qwen2.5-coder/7b'),
      ),
    ).toBe(true);
    const list = await stack.run(['server', 'llm', 'list']);
    expect(list.stdout).toContain('✓   qwen2.5-coder:7b (current)');
    expect((await stack.run(['server'])).code).toBe(0);
  });

  it('`llm pull` with Ollama not running only warns, and exits 0 (a real quirk)', async () => {
    stack = await createStack();
    const pull = await stack.run(['server', 'llm', 'pull', 'qwen2.5-coder:7b']);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toBe(
      '⚠ Local LLM server is not running\nℹ \nℹ Start the server first:\nℹ   stigmer server\n',
    );
    expect(existsSync(stack.layout.ollamaModelsDir)).toBe(false);
  });

  it('uses a compatible model of the same base name, but passes the configured one to stigmer-server', async () => {
    stack = await createStack({ ollamaModels: ['qwen2.5-coder:14b'] });
    expect((await stack.run(['server'])).code).toBe(0);
    const server = environOf(stack.pid(stack.layout.daemonPidFile));
    expect(server.STIGMER_LLM_MODEL).toBe('qwen2.5-coder:7b');
  });

  it('with other models only: "model \'…\' not found" and the list', async () => {
    stack = await createStack({ ollamaModels: ['llama3.2:3b'] });
    const start = await stack.run(['server']);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(
      "failed to ensure model availability: model 'qwen2.5-coder:7b' not found\n\nAvailable models:\n  • llama3.2:3b\n",
    );
    expect(start.stderr).toContain(
      'To pull the required model:\n  stigmer server llm pull qwen2.5-coder:7b',
    );
  });

  it('reuses an Ollama that already answers on the port (no second `ollama serve`); stop never stops it', async () => {
    stack = await createStack();
    expect((await stack.run(['server'])).code).toBe(0);
    await stack.serving();
    const ollama = stack.pid(stack.layout.llmPidFile);
    expect((await stack.run(['server'])).code).toBe(0);
    expect(stack.pid(stack.layout.llmPidFile)).toBe(ollama);
    await stack.serving();
    expect((await stack.run(['server', 'stop'])).code).toBe(0);
    expect(alive(ollama)).toBe(true);
    const status = await stack.run(['server', 'llm', 'status']);
    expect(status.stdout).toContain('ℹ   Provider: Local ✓ Running');
    expect(status.stdout).toContain(`ℹ   PID:      ${ollama}`);
    expect(status.stdout).toContain('ℹ   Available: qwen2.5-coder:7b');
  });

  it("answers GET /api/tags with the store's models", async () => {
    stack = await createStack({ ollamaModels: ['qwen2.5-coder:7b', 'llama3.2:3b'] });
    expect((await stack.run(['server'])).code).toBe(0);
    const tags = (await (await fetch(`http://127.0.0.1:${stack.ollamaPort}/api/tags`)).json()) as {
      models: { name: string }[];
    };
    expect(tags.models.map((model) => model.name).sort()).toEqual([
      'llama3.2:3b',
      'qwen2.5-coder:7b',
    ]);
  });
});
