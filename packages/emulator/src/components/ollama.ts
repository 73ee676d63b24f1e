/**
 * Emulated Ollama binary (`~/.stigmer/bin/ollama`): `serve` runs the fake HTTP API on the
 * emulated port with the store in `~/.ollama/models`; `list` and `pull MODEL` are its clients,
 * printing what the real ones print; `--version`.
 */
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { stigmerLayout } from '../layout.js';
import { createLogger, logfmtLine } from '../log/logger.js';
import { hostPort } from '../net/host-port.js';
import { readSettings } from '../settings.js';
import { handleTermination } from './lifecycle.js';

const settings = readSettings();
const [command, ...rest] = process.argv.slice(2);
const address = hostPort(settings.host, settings.ollamaPort);

switch (command) {
  case 'serve':
    await serve();
    break;
  case 'list':
  case 'ls':
    process.exit(await list());
    break;
  case 'pull':
    process.exit(await pull(rest[0]));
    break;
  case '--version':
  case '-v': {
    const { OLLAMA_VERSION } = await import('../llm/ollama-server.js');
    process.stdout.write(`ollama version is ${OLLAMA_VERSION} (emulated)\n`);
    break;
  }
  default:
    process.stderr.write(
      `Error: unknown command "${command}" for "ollama" (emulated: serve, list, pull)\n`,
    );
    process.exit(1);
}

async function serve(): Promise<void> {
  const log = createLogger(logfmtLine, (line) => process.stderr.write(line));
  const [{ ModelStore }, { createOllamaServer, OLLAMA_VERSION }] = await Promise.all([
    import('../llm/model-store.js'),
    import('../llm/ollama-server.js'),
  ]);
  const store = new ModelStore(stigmerLayout(process.env.HOME || homedir()).ollamaModelsDir);
  store.seed(settings.ollamaModels);
  const server = createOllamaServer(store, log);
  handleTermination(settings, log, () => new Promise((resolve) => server.close(() => resolve(0))));
  server.once('error', (error) => {
    log.error('Error: listen failed', { error: error.message });
    process.exit(1);
  });
  server.listen(settings.ollamaPort, settings.host, () => {
    log.info(`Listening on ${address} (version ${OLLAMA_VERSION})`, { source: 'routes.go:1238' });
    log.info('models', { dir: join(store.dir) });
  });
}

async function list(): Promise<number> {
  const answer = await call('GET', '/api/tags');
  if (answer === null) return unreachable();
  const { models } = JSON.parse(answer.body) as {
    models: { name: string; digest: string; size: number; modified_at: string }[];
  };
  const rows = [['NAME', 'ID', 'SIZE', 'MODIFIED']];
  for (const model of models) {
    const gb = `${(model.size / 1e9).toFixed(1)} GB`;
    rows.push([model.name, model.digest.slice(0, 12), gb, 'About a minute ago']);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  for (const row of rows) {
    const cells = row.map((cell, i) => (i < 3 ? cell.padEnd((widths[i] as number) + 4) : cell));
    process.stdout.write(`${cells.join('')}\n`);
  }
  return 0;
}

async function pull(model: string | undefined): Promise<number> {
  if (model === undefined) {
    process.stderr.write('Error: accepts 1 arg(s), received 0\n');
    return 1;
  }
  const body = JSON.stringify({ model, stream: true, emulator_pull_ms: settings.modelPullMs });
  const answer = await call('POST', '/api/pull', body, (line) => {
    const event = JSON.parse(line) as { status: string; total?: number; completed?: number };
    if (event.total !== undefined && event.completed !== undefined) {
      const percent = Math.round((event.completed / event.total) * 100);
      const gb = (n: number) => `${(n / 1e9).toFixed(1)} GB`;
      process.stdout.write(
        `${event.status}... ${percent}% ${gb(event.completed)}/${gb(event.total)}\n`,
      );
    } else {
      process.stdout.write(`${event.status}\n`);
    }
  });
  if (answer === null) return unreachable();
  if (answer.status !== 200) {
    process.stderr.write(`Error: pull model manifest: ${answer.body}\n`);
    return 1;
  }
  return 0;
}

function unreachable(): number {
  process.stderr.write('Error: could not connect to ollama app, is it running?\n');
  return 1;
}

/** One HTTP call to the server; `onLine` gets NDJSON lines as they stream. null: no server. */
function call(
  method: string,
  path: string,
  body?: string,
  onLine?: (line: string) => void,
): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = request(
      { host: settings.host, port: settings.ollamaPort, method, path },
      (response) => {
        let text = '';
        let pending = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (onLine === undefined || response.statusCode !== 200) return;
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) if (line.trim() !== '') onLine(line);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    req.once('error', () => resolve(null));
    req.end(body);
  });
}
