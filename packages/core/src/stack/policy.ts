/** What "unavailable" means for a run: skip its tests, or fail it. */
export type OnUnavailable = 'skip' | 'fail';

/** True under CI: `CI` set to anything but "", "0" or "false" (how GitHub, GitLab and others say it). */
export function isCI(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** An explicit choice wins; otherwise fail under CI (a missing stack is a broken pipeline) and skip locally. */
export function resolvePolicy(
  choice: OnUnavailable | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): OnUnavailable {
  return choice ?? (isCI(env) ? 'fail' : 'skip');
}
