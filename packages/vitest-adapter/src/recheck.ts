/**
 * Watch mode: before a rerun, is the stack still what the tests were given? Only a change
 * (up to down, down to up) costs more than a probe.
 */
import {
  type ComponentStatus,
  describeGroupUnavailable,
  describeNotReady,
  describeUnavailable,
  groupStatus,
  type HandleSnapshot,
  isGroup,
  isGroupSnapshot,
  type Logger,
  serverStatus,
} from '@stigmer/e2e-core';
import type { StackTarget } from './options.js';
import type { Handle } from './stack-session.js';

/** A probe that failed once is asked again after this long, so a blip does not restart a stack. */
const CONFIRM_DOWN_MS = 300;

/**
 * Returns null when nothing changed. Otherwise releases the old lease (which stops what is left
 * of a stack this run owns, if no other run uses it) and ensures again: a stack this run owns
 * that died is started again. May throw what `ensure` throws (the `fail` policy).
 */
export async function recheck(
  handle: Handle | null,
  profile: StackTarget,
  ensure: () => Promise<Handle>,
  logger: Logger,
): Promise<Handle | null> {
  const wasAvailable = handle?.available ?? false;
  let status = await statusOf(profile);
  if (wasAvailable && !status.available) {
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_DOWN_MS));
    status = await statusOf(profile);
  }
  if (status.available === wasAvailable) return null;
  if (wasAvailable)
    logger.warn(
      `${status.profile} is no longer ready: ${describeNotReady(status.components) || 'not every component is ready'}. ${handle?.owned ? 'This run started it: starting it again.' : 'Ensuring it again.'}`,
    );
  else logger.info(`${status.profile} is up now: using it for this rerun.`);
  await handle?.release();
  const next = await ensure();
  logger.info(describeChange(handle, next));
  return next;
}

/** A stack's status, or a group's with every member's components (named "member/component"). */
async function statusOf(
  target: StackTarget,
): Promise<{ profile: string; available: boolean; components: readonly ComponentStatus[] }> {
  if (!isGroup(target)) return serverStatus(target);
  const { profile, available, members } = await groupStatus(target);
  const components = members.flatMap((m) =>
    m.components.map((c) => ({ ...c, name: `${m.name}/${c.name}` })),
  );
  return { profile, available, components };
}

/** One line for a change of stack between runs, or the full story when it is unavailable. */
export function describeChange(before: HandleSnapshot | null, after: HandleSnapshot): string {
  if (!after.available)
    return isGroupSnapshot(after) ? describeGroupUnavailable(after) : describeUnavailable(after);
  const how: Record<HandleSnapshot['outcome'], string> = {
    started: 'started by this run',
    adopted: 'adopted by this run (its starter had ended)',
    joined: 'shared with the run that started it',
    reused: 'already running; reused and left running',
    external: 'external; only probed',
    unavailable: 'unavailable',
  };
  return `${after.profile} is ${before ? 'available again' : 'available'}: ${how[after.outcome]}.`;
}
