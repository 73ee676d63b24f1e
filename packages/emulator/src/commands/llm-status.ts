import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/config-file.js';
import { resolveLlmApiKey, resolveLlmModel, resolveLlmProvider } from '../config/resolve.js';
import type { StigmerLayout } from '../layout.js';
import { isOllamaRunning, listModels } from '../llm/ollama-cli.js';
import type { EmulatorSettings } from '../settings.js';
import { info, warning } from './output.js';

/** root/server.go `showLLMStatus`: provider, model, and for Ollama whether it answers. */
export async function showLlmStatus(
  layout: StigmerLayout,
  settings: EmulatorSettings,
): Promise<void> {
  let cfg: ReturnType<typeof loadConfig>;
  try {
    cfg = loadConfig(layout, settings);
  } catch {
    warning('  LLM:    Unable to load configuration');
    return;
  }
  const provider = resolveLlmProvider(cfg);
  const model = resolveLlmModel(cfg);
  info('LLM Configuration:');
  if (provider === 'ollama') {
    if (!(await isOllamaRunning(settings))) {
      warning('  Provider: Local ✗ Not Running');
      info(`  Model:    ${model} (will be downloaded on first use)`);
      return;
    }
    let pid = 0;
    try {
      pid = Number.parseInt(readFileSync(layout.llmPidFile, 'utf8'), 10) || 0;
    } catch {
      // no pid file: an Ollama nobody here started
    }
    const models = await listModels(layout).catch(() => []);
    info('  Provider: Local ✓ Running');
    if (pid > 0) info(`  PID:      ${pid}`);
    info(`  Model:    ${model}`);
    if (models.length > 0) info(`  Available: ${models.join(', ')}`);
  } else if (provider === 'anthropic' || provider === 'openai') {
    info(`  Provider: ${provider === 'anthropic' ? 'Anthropic' : 'OpenAI'} (Cloud)`);
    info(`  Model:    ${model}`);
    if (resolveLlmApiKey(cfg) !== '') info('  API Key:  Configured ✓');
    else warning('  API Key:  Not configured');
  } else {
    warning(`  Provider: Unknown (${provider})`);
  }
}
