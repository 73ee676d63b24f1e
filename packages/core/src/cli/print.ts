/** What the CLI prints: core's reporting vocabulary, secrets masked. */
import { type GroupSnapshot, isGroupSnapshot } from '../group/handle.js';
import type { GroupReleaseResult } from '../group/release-group.js';
import { envSecrets } from '../group/secrets.js';
import { describeGroupUnavailable, describeUnavailable } from '../report/describe.js';
import { formatComponents } from '../report/format-components.js';
import {
  describeAvailable,
  describeGroupAvailable,
  describeGroupRelease,
  describeRelease,
  describeUsage,
} from '../report/words.js';
import type { HandleSnapshot, ReleaseResult } from '../stack/handle.js';
import { redact } from '../util/redact.js';

export function formatHandle(handle: HandleSnapshot): string {
  if (isGroupSnapshot(handle)) return formatGroup(handle);
  if (!handle.available) return redact(describeUnavailable(handle));
  return redact(
    [describeAvailable(handle), formatComponents(handle.components), ...formatEnv(handle.env)].join(
      '\n',
    ),
  );
}

/** A group: each member in a line; its env with secrets (and URL passwords) masked. */
function formatGroup(group: GroupSnapshot): string {
  const secrets = envSecrets(process.env, group.env);
  if (!group.available) return redact(describeGroupUnavailable(group), secrets);
  return redact([describeGroupAvailable(group), ...formatEnv(group.env)].join('\n'), secrets);
}

function formatEnv(env: Readonly<Record<string, string>>): string[] {
  const lines = Object.entries(env).map(([k, v]) => `  ${k}=${v}`);
  return lines.length > 0 ? ['Environment for tests:', ...lines] : [];
}

/**
 * What a release did, in lines: a stack's release (and its usage), or each member's. `handle`
 * says how this run got the stack (null: not known, `down` on a lease from `up`).
 */
export function formatRelease(
  name: string,
  handle: HandleSnapshot | null,
  result: ReleaseResult | GroupReleaseResult,
): string[] {
  if ('members' in result)
    return [
      describeGroupRelease(name, handle && isGroupSnapshot(handle) ? handle.members : null, result),
    ];
  const usage = handle ? describeUsage(name, result.usage) : null;
  return [...(usage ? [usage] : []), describeRelease(name, handle?.outcome ?? null, result)];
}
