import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { wrap } from '../errors.js';
import { writeLauncher } from '../launchers/launcher.js';
import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { writePidFile } from '../process/pid-file.js';
import type { EmulatorSettings } from '../settings.js';
import { detectBinary, hasModel, isOllamaRunning, listModels } from './ollama-cli.js';

/** The real waits for `ollama serve`: 30 s, polled every 500 ms. */
const SERVER_WAIT_MS = 30_000;
const SERVER_POLL_MS = 500;

/**
 * `llm.Setup` for the `ollama` provider: find or download Ollama, start `ollama serve` unless
 * the port answers, wait for it, then require the model. It never pulls the model: with none
 * it fails with the real message. Returns the model it would use (the configured one, or a
 * compatible one with the same base name), which the real CLI only logs.
 */
export async function setupOllama(
  layout: StigmerLayout,
  settings: EmulatorSettings,
  model: string,
): Promise<string> {
  let binary = detectBinary(layout);
  if (await isOllamaRunning(settings)) {
    log.info('Local LLM server is already running', { binary });
  } else {
    if (binary === '') binary = await ensureBinary(layout, settings);
    startServer(layout, binary);
    if (!(await waitForServer(settings))) {
      throw wrap(
        new Error('timeout waiting for LLM server to start'),
        'LLM server failed to start',
      );
    }
  }
  try {
    return await ensureModel(layout, model);
  } catch (error) {
    throw wrap(error, 'failed to ensure model availability');
  }
}

async function ensureBinary(layout: StigmerLayout, settings: EmulatorSettings): Promise<string> {
  const binary = join(layout.binDir, 'ollama');
  try {
    await sleep(settings.ollamaDownloadMs); // stands in for the download
    writeLauncher(binary, 'ollama');
    return binary;
  } catch (error) {
    throw wrap(
      wrap(error, 'failed to download LLM binary'),
      'failed to ensure LLM binary - please install Ollama manually: https://ollama.ai/download',
    );
  }
}

/** `ollama serve` in a process group of its own, output to `~/.stigmer/logs/llm.log`. */
function startServer(layout: StigmerLayout, binary: string): void {
  mkdirSync(layout.userLogDir, { recursive: true });
  const out = openSync(layout.llmLogFile, 'a');
  const child = spawn(binary, ['serve'], { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.once('error', () => {});
  child.unref();
  if (child.pid === undefined)
    throw new Error(`failed to start LLM server: could not spawn ${binary}`);
  writePidFile(layout.llmPidFile, child.pid, `${binary} serve`);
  log.info('Local LLM server started', { pid: child.pid, log: layout.llmLogFile });
}

async function waitForServer(settings: EmulatorSettings): Promise<boolean> {
  const deadline = Date.now() + SERVER_WAIT_MS;
  while (Date.now() < deadline) {
    if (await isOllamaRunning(settings)) return true;
    await sleep(SERVER_POLL_MS);
  }
  return false;
}

async function ensureModel(layout: StigmerLayout, model: string): Promise<string> {
  let present: boolean;
  try {
    present = await hasModel(layout, model);
  } catch (error) {
    throw wrap(error, 'failed to check model availability');
  }
  if (present) return model;
  const models = await listModels(layout);
  const colon = model.indexOf(':');
  const base = colon > 0 ? model.slice(0, colon) : model;
  const compatible = models.find((name) => name.startsWith(`${base}:`) || name === base);
  if (compatible !== undefined) {
    log.info('Using compatible model', { requested: model, found: compatible });
    return compatible;
  }
  if (models.length > 0) {
    const list = models.map((name) => `  • ${name}`).join('\n');
    throw new Error(
      `model '${model}' not found\n\nAvailable models:\n${list}\n\nTo use an existing model:\n  stigmer config set llm.model <model-name>\n\nTo pull the required model:\n  stigmer server llm pull ${model}`,
    );
  }
  throw new Error(
    `no models found\n\nTo install the default model:\n  stigmer server llm pull ${model}\n\nOr browse models at: https://ollama.ai/library`,
  );
}
