import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { StigmerLayout } from '../layout.js';

/** Writes `~/.stigmer/config.yaml` on first start, as the real CLI does; returns true if it did. */
export function ensureConfigFile(layout: StigmerLayout): boolean {
  if (existsSync(layout.configFile)) return false;
  mkdirSync(layout.stigmerDir, { recursive: true });
  writeFileSync(
    layout.configFile,
    [
      '# Stigmer CLI configuration (written by the stigmer emulator)',
      'backend:',
      '  type: local',
      '  local:',
      `    data_dir: ${layout.dataDir}`,
      '    llm:',
      '      provider: ollama',
      '',
    ].join('\n'),
  );
  return true;
}
