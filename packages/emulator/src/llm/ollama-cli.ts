import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import type { StigmerLayout } from '../layout.js';
import type { EmulatorSettings } from '../settings.js';

/**
 * How the CLI reaches Ollama (client-apps/cli/internal/cli/llm/setup.go): `IsRunning` asks
 * `GET /api/tags`; models are listed and pulled by running the `ollama` binary.
 */

/** `GET http://localhost:11434/api/tags` answers 200 within 2 s. */
export function isOllamaRunning(settings: EmulatorSettings): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(
      { host: settings.host, port: settings.ollamaPort, path: '/api/tags', timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

/**
 * The Ollama binary to use: `~/.stigmer/bin/ollama`, or '' (needs a download). The real CLI
 * looks on PATH first; the emulator does not, so a real Ollama is never run by a test.
 */
export function detectBinary(layout: StigmerLayout): string {
  const local = join(layout.binDir, 'ollama');
  return existsSync(local) ? local : '';
}

/** `ollama list`, parsed as the real CLI does: the first field of each line after the header. */
export async function listModels(layout: StigmerLayout): Promise<string[]> {
  const output = await runList(layout);
  return output
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** The real `HasModel`: the name appears anywhere in `ollama list`'s output. */
export async function hasModel(layout: StigmerLayout, model: string): Promise<boolean> {
  return (await runList(layout)).includes(model);
}

/** `ollama pull MODEL` with its output on ours; resolves with its exit code. */
export function pullWithBinary(layout: StigmerLayout, model: string): Promise<number> {
  const binary = requireBinary(layout);
  return new Promise((resolve) => {
    const child = spawn(binary, ['pull', model], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function runList(layout: StigmerLayout): Promise<string> {
  const binary = requireBinary(layout);
  return new Promise((resolve, reject) => {
    execFile(binary, ['list'], (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(
            `failed to list models using binary: ${binary}: ${stderr.trim() || error.message}`,
          ),
        );
      } else {
        resolve(stdout + stderr); // CombinedOutput
      }
    });
  });
}

function requireBinary(layout: StigmerLayout): string {
  const binary = detectBinary(layout);
  if (binary === '')
    throw new Error('Ollama binary not found - install from https://ollama.ai/download');
  return binary;
}
