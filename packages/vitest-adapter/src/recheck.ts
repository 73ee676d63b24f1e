/**
 * Watch mode: before a rerun, is the stack still what the tests were given? Only a change
 * (up to down, down to up) costs more than a probe.
 */
import {
  type ComponentStatus,
  describeAvailable,
  describeGroupAvailable,
  describeGroupUnavailable,
  describeNotReady,
  describeOutcome,
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
      `${status.profile} is no longer ready: ${describeNotReady(status.components) || 'not every component is ready'}. Ensuring it again${handle ? ` (it was ${describeOutcome(handle.outcome)})` : ''}.`,
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

/**
 * How the stack was got, in core's words (`✓ stigmer is available (started by this run, which
 * owns it) after 4.2 s`; `available again` when a rerun got back a stack it had lost), or the
 * full story when it is unavailable.
 */
export function describeChange(before: HandleSnapshot | null, after: HandleSnapshot): string {
  const again = before?.available === true;
  if (isGroupSnapshot(after))
    return after.available
      ? describeGroupAvailable(after, 'run', { again })
      : describeGroupUnavailable(after);
  return after.available ? describeAvailable(after, 'run', { again }) : describeUnavailable(after);
}
