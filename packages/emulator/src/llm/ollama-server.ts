import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger.js';
import { canonical, fakeBlob, type ModelStore } from './model-store.js';

export const OLLAMA_VERSION = '0.5.7';
/** Progress messages per pull: enough to show progress, few enough for a short knob. */
const PULL_STEPS = 10;

/**
 * The fake Ollama's HTTP API: `GET /` ("Ollama is running"), `/api/version`, `/api/tags` (the
 * store's models), streaming `POST /api/pull` (NDJSON progress; the manifest is written only
 * when the pull completes) and `DELETE /api/delete`. A pull takes `emulator_pull_ms` from the
 * request, set by the `ollama pull` that asks (the knob stands in for the download).
 */
export function createOllamaServer(store: ModelStore, log: Logger): Server {
  return createServer((request, response) => {
    route(store, log, request, response).catch((error: unknown) => {
      log.error('request failed', { error: (error as Error).message });
      if (!response.headersSent) send(response, 500, { error: (error as Error).message });
      else response.end();
    });
  });
}

async function route(
  store: ModelStore,
  log: Logger,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://ollama').pathname;
  log.info('request', { method: request.method, path });
  if (request.method === 'GET' && (path === '/' || path === '')) {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('Ollama is running');
  } else if (request.method === 'GET' && path === '/api/version') {
    send(response, 200, { version: OLLAMA_VERSION });
  } else if (request.method === 'GET' && path === '/api/tags') {
    const models = store.list().map((model) => ({
      name: model.name,
      model: model.name,
      modified_at: model.modifiedAt.toISOString(),
      size: model.size,
      digest: model.digest.slice('sha256:'.length),
      details: { format: 'gguf', quantization_level: 'Q4_K_M' },
    }));
    send(response, 200, { models });
  } else if (request.method === 'POST' && path === '/api/pull') {
    const body = await readJson(request);
    const model = String(body.model ?? body.name ?? '');
    if (model === '') return send(response, 400, { error: 'model is required' });
    await pull(store, model, Number(body.emulator_pull_ms ?? 0), request, response);
  } else if (request.method === 'DELETE' && path === '/api/delete') {
    const body = await readJson(request);
    const model = String(body.model ?? body.name ?? '');
    if (store.remove(model)) response.writeHead(200).end();
    else send(response, 404, { error: `model '${model}' not found` });
  } else {
    send(response, 404, { error: `404 page not found: ${request.method} ${path}` });
  }
}

async function pull(
  store: ModelStore,
  model: string,
  pullMs: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let aborted = false;
  request.once('close', () => {
    aborted = !response.writableEnded;
  });
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const line = (value: object) => response.write(`${JSON.stringify(value)}\n`);
  const { digest, size } = fakeBlob(canonical(model));
  line({ status: 'pulling manifest' });
  for (let step = 1; step <= PULL_STEPS; step++) {
    await sleep(pullMs / PULL_STEPS);
    if (aborted) return; // a cancelled pull leaves no manifest behind
    line({
      status: `pulling ${digest.slice(7, 19)}`,
      digest,
      total: size,
      completed: (size * step) / PULL_STEPS,
    });
  }
  line({ status: 'verifying sha256 digest' });
  line({ status: 'writing manifest' });
  store.add(model);
  line({ status: 'success' });
  response.end();
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return {};
  }
}
