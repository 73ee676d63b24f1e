import { hostPort } from '../net/host-port.js';
import type { EmulatorSettings } from '../settings.js';
import type { LocalConfig } from './config-file.js';

/**
 * The CLI's cascades (config.go `Resolve*`): environment, then config file, then a
 * provider default. Note the real quirk: the default config file names an Ollama model and
 * URL, so `STIGMER_LLM_PROVIDER=anthropic` alone still resolves model `qwen2.5-coder:7b`.
 */
type Env = Readonly<Record<string, string | undefined>>;

export function resolveLlmProvider(cfg: LocalConfig, env: Env = process.env): string {
  return env.STIGMER_LLM_PROVIDER || cfg.llm?.provider || 'ollama';
}

export function resolveLlmModel(cfg: LocalConfig, env: Env = process.env): string {
  if (env.STIGMER_LLM_MODEL) return env.STIGMER_LLM_MODEL;
  if (cfg.llm?.model) return cfg.llm.model;
  const provider = resolveLlmProvider(cfg, env);
  if (provider === 'anthropic') return 'claude-sonnet-4.5';
  if (provider === 'openai') return 'gpt-4';
  return 'qwen2.5-coder:7b';
}

export function resolveLlmBaseUrl(
  cfg: LocalConfig,
  settings: EmulatorSettings,
  env: Env = process.env,
): string {
  if (env.STIGMER_LLM_BASE_URL) return env.STIGMER_LLM_BASE_URL;
  if (cfg.llm?.base_url) return cfg.llm.base_url;
  const provider = resolveLlmProvider(cfg, env);
  if (provider === 'anthropic') return 'https://api.anthropic.com';
  if (provider === 'openai') return 'https://api.openai.com/v1';
  return `http://localhost:${settings.ollamaPort}`;
}

/** The key `llm status` reports; the start itself only looks at the environment. */
export function resolveLlmApiKey(cfg: LocalConfig, env: Env = process.env): string {
  const provider = resolveLlmProvider(cfg, env);
  const fromEnv =
    provider === 'anthropic'
      ? env.ANTHROPIC_API_KEY
      : provider === 'openai'
        ? env.OPENAI_API_KEY
        : undefined;
  return fromEnv || cfg.llm?.api_key || '';
}

/** `TEMPORAL_SERVICE_ADDRESS` forces an external Temporal; else the config; else managed. */
export function resolveTemporalAddress(
  cfg: LocalConfig,
  settings: EmulatorSettings,
  env: Env = process.env,
): { address: string; managed: boolean } {
  if (env.TEMPORAL_SERVICE_ADDRESS)
    return { address: env.TEMPORAL_SERVICE_ADDRESS, managed: false };
  const managed = { address: hostPort(settings.host, settings.temporalPort), managed: true };
  if (cfg.temporal === undefined || cfg.temporal.managed) return managed;
  if (cfg.temporal.address) return { address: cfg.temporal.address, managed: false };
  return managed;
}

/** Managed unless the config says `temporal.managed: false` (what stop and cleanup check). */
export function isTemporalManaged(cfg: LocalConfig): boolean {
  return cfg.temporal === undefined || cfg.temporal.managed === true;
}
