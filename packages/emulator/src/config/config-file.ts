import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { StigmerLayout } from '../layout.js';
import type { EmulatorSettings } from '../settings.js';
import { parseYamlMap, type YamlMap } from './yaml-map.js';

/** `backend.local` of `~/.stigmer/config.yaml` (client-apps/cli/internal/cli/config). */
export interface LocalConfig {
  llm?: { provider?: string; model?: string; api_key?: string; base_url?: string };
  temporal?: { managed?: boolean; address?: string; port?: number };
  execution?: Record<string, string | number | boolean>;
}

export function isInitialized(layout: StigmerLayout): boolean {
  return existsSync(layout.configFile);
}

/** Writes the real default config (yaml.v3 layout), the Ollama URL on the emulated port. */
export function saveDefaultConfig(layout: StigmerLayout, settings: EmulatorSettings): void {
  mkdirSync(layout.stigmerDir, { recursive: true });
  const text = `# Stigmer CLI Configuration
# For configuration options and examples, see:
# https://github.com/stigmer/stigmer/blob/main/docs/cli/configuration.md

backend:
    type: local
    local:
        llm:
            provider: ollama
            model: qwen2.5-coder:7b
            base_url: http://localhost:${settings.ollamaPort}
        temporal:
            managed: true
        execution:
            mode: local
            auto_pull: true
            cleanup: true
            ttl: 3600
`;
  writeFileSync(layout.configFile, text, { mode: 0o600 });
}

/**
 * `backend.local` of the config file; the default when the file does not exist. A file that
 * cannot be parsed fails, as yaml.Unmarshal does ("failed to unmarshal config YAML").
 */
export function loadConfig(layout: StigmerLayout, settings: EmulatorSettings): LocalConfig {
  if (!isInitialized(layout)) {
    return {
      llm: {
        provider: 'ollama',
        model: 'qwen2.5-coder:7b',
        base_url: `http://localhost:${settings.ollamaPort}`,
      },
      temporal: { managed: true },
    };
  }
  const root = parseYamlMap(readFileSync(layout.configFile, 'utf8'), layout.configFile);
  const local = child(child(root, 'backend'), 'local');
  const llm = child(local, 'llm');
  const temporal = child(local, 'temporal');
  return {
    ...(local.llm !== undefined && {
      llm: {
        provider: text(llm.provider),
        model: text(llm.model),
        api_key: text(llm.api_key),
        base_url: text(llm.base_url),
      },
    }),
    ...(local.temporal !== undefined && {
      temporal: {
        managed: temporal.managed === true,
        address: text(temporal.address),
        port: typeof temporal.port === 'number' ? temporal.port : undefined,
      },
    }),
  };
}

function child(map: YamlMap, key: string): YamlMap {
  const value = map[key];
  return typeof value === 'object' && value !== null ? value : {};
}

function text(value: YamlMap[string] | undefined): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
