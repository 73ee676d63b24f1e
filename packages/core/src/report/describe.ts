/** The full story of an unavailable stack, in words: the reason, each component, each log's last lines. */
import type { GroupSnapshot } from '../group/handle.js';
import type { HandleSnapshot } from '../stack/handle.js';
import { formatComponents } from './format-components.js';
import { formatLogTails } from './log-tail.js';
import { describeMembers, describeRelease, type Who } from './words.js';

export function describeUnavailable(snapshot: HandleSnapshot): string {
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Components:\n${formatComponents(snapshot.components)}`,
  ];
  if (snapshot.logTails.length > 0)
    parts.push(`Last log lines:\n${formatLogTails(snapshot.logTails)}`);
  return parts.join('\n\n');
}

/**
 * The story of an unavailable group: which member failed and why, every member (what began
 * when), the failed member's components and last log lines, and what this run released of the
 * others (a member it started is stopped, one it reused is left running).
 */
export function describeGroupUnavailable(snapshot: GroupSnapshot, who: Who = 'run'): string {
  const failed = snapshot.members.find((m) => m.name === snapshot.failed);
  const parts = [
    `${snapshot.profile} is unavailable: ${snapshot.reason}`,
    `Members:\n${describeMembers(snapshot.members, who)}`,
  ];
  if (failed && failed.components.length > 0)
    parts.push(`Components of ${failed.name}:\n${formatComponents(failed.components)}`);
  if (failed && failed.logTails.length > 0)
    parts.push(`Last log lines of ${failed.name}:\n${formatLogTails(failed.logTails)}`);
  if (snapshot.cleanup.length > 0) {
    const released = snapshot.cleanup.map((r) => {
      const outcome = snapshot.members.find((m) => m.name === r.name)?.outcome ?? null;
      return `  ${describeRelease(r.name, outcome, r, who)}`;
    });
    parts.push(`What this ${who} held of the others, released:\n${released.join('\n')}`);
  }
  return parts.join('\n\n');
}
