/** What the CLI prints: core's reporting vocabulary, secrets masked. */
import { describeUnavailable } from '../report/describe.js';
import { formatComponents } from '../report/format-components.js';
import { describeAvailable } from '../report/words.js';
import type { HandleSnapshot } from '../stack/handle.js';
import { redact } from '../util/redact.js';

export function formatHandle(handle: HandleSnapshot): string {
  if (!handle.available) return redact(describeUnavailable(handle));
  const env = Object.entries(handle.env).map(([k, v]) => `  ${k}=${v}`);
  return redact(
    [
      describeAvailable(handle),
      formatComponents(handle.components),
      ...(env.length > 0 ? ['Environment for tests:', ...env] : []),
    ].join('\n'),
  );
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
}
