/** The full story of an unavailable stack, in words: the reason, each component, each log's last lines. */
import type { HandleSnapshot } from '../stack/handle.js';
import { formatComponents } from './format-components.js';
import { formatLogTails } from './log-tail.js';

export function describeUnavailable(snapshot: HandleSnapshot): string {
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Components:\n${formatComponents(snapshot.components)}`,
  ];
  if (snapshot.logTails.length > 0)
    parts.push(`Last log lines:\n${formatLogTails(snapshot.logTails)}`);
  return parts.join('\n\n');
}
