import { loadConfig } from '../config/config-file.js';
import { resolveLlmModel, resolveLlmProvider } from '../config/resolve.js';
import { CommandError } from '../errors.js';
import { stigmerLayout } from '../layout.js';
import { isOllamaRunning, listModels, pullWithBinary } from '../llm/ollama-cli.js';
import { readSettings } from '../settings.js';
import { showLlmStatus } from './llm-status.js';
import { failure, info, out, success, warning } from './output.js';

/**
 * `stigmer server llm list|pull MODEL|status` (root/server.go). Note the real quirk: with
 * Ollama not answering, `list` and `pull` only print a warning and exit 0: a pull needs an
 * Ollama that a (possibly failed) `stigmer server` left running.
 */
export async function serverLlm(sub: 'list' | 'pull' | 'status', model?: string): Promise<number> {
  const settings = readSettings();
  const layout = stigmerLayout();
  if (sub === 'status') {
    await showLlmStatus(layout, settings);
    return 0;
  }
  let cfg: ReturnType<typeof loadConfig>;
  try {
    cfg = loadConfig(layout, settings);
  } catch (error) {
    failure('Failed to load configuration');
    throw new CommandError((error as Error).message);
  }
  const provider = resolveLlmProvider(cfg);
  if (provider !== 'ollama') {
    warning('Local model management is only available for local LLM provider');
    info(`Current provider: ${provider}`);
    if (sub === 'list') {
      info('');
      info('To use local models, update your configuration:');
      info('  stigmer config set llm.provider ollama');
    }
    return 0;
  }
  if (!(await isOllamaRunning(settings))) {
    warning('Local LLM server is not running');
    info('');
    info('Start the server first:');
    info('  stigmer server');
    return 0;
  }
  if (sub === 'list') {
    let models: string[];
    try {
      models = await listModels(layout);
    } catch (error) {
      failure('Failed to list models');
      throw new CommandError((error as Error).message);
    }
    if (models.length === 0) {
      info('No models installed');
      info('');
      info('To pull a model:');
      info('  stigmer server llm pull qwen2.5-coder:7b');
      return 0;
    }
    out('Available Models:');
    out('─────────────────────────────────────');
    const current = resolveLlmModel(cfg);
    for (const name of models)
      (name === current ? success : info)(`  ${name}${name === current ? ' (current)' : ''}`);
    out('');
    info('To pull a new model:');
    info('  stigmer server llm pull <model-name>');
    return 0;
  }
  const wanted = model as string;
  info(`Pulling model ${wanted}...`);
  info('This may take several minutes depending on model size');
  out('');
  let code: number;
  try {
    code = await pullWithBinary(layout, wanted);
  } catch (error) {
    failure('Failed to pull model');
    throw new CommandError((error as Error).message);
  }
  if (code !== 0) {
    failure('Failed to pull model');
    throw new CommandError(
      `failed to pull model using binary: ${layout.binDir}/ollama: exit status ${code}`,
    );
  }
  success(`Model ${wanted} is ready`);
  out('');
  info('To use this model, update your configuration:');
  info(`  stigmer config set llm.model ${wanted}`);
  return 0;
}
