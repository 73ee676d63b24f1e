/**
 * A group's env flows from member to member, so its secrets are more than this process's: the
 * values of secret-looking variables any member exports or starts with, and the password of any
 * URL among them (`postgres://app:hunter22@db/app`). Everything a group prints, logs or reports
 * as a reason is masked with them (core's `redact`).
 */
import type { Logger } from '../report/logger.js';
import { redact, secretValues } from '../util/redact.js';
import type { Group } from './group.js';

/** Short passwords are masked with their delimiters, so that "pw" does not blank every "pw". */
const BARE_PASSWORD_LENGTH = 6;

export function groupSecrets(group: Group): string[] {
  return envSecrets(
    process.env,
    ...group.members.flatMap((m) => [m.profile.env, m.profile.start?.env ?? {}]),
  );
}

/** The secrets in these environments: secret-looking variables' values, and URL passwords. */
export function envSecrets(...envs: Array<Readonly<Record<string, string | undefined>>>): string[] {
  const passwords = envs.flatMap((env) => Object.values(env).flatMap(urlPassword));
  return [...new Set([...secretValues(...envs), ...passwords])].sort((a, b) => b.length - a.length);
}

function urlPassword(value: string | undefined): string[] {
  if (!value || !/^[a-z][a-z\d+.-]*:\/\/[^/@]*:[^/@]+@/i.test(value)) return [];
  let password: string;
  try {
    password = new URL(value).password;
  } catch {
    return [];
  }
  if (!password) return [];
  const forms = [...new Set([password, decodeURIComponent(password)])];
  return forms.map((p) => (p.length >= BARE_PASSWORD_LENGTH ? p : `:${p}@`));
}

export function redactingLogger(logger: Logger, secrets: readonly string[]): Logger {
  return {
    info: (message) => logger.info(redact(message, secrets)),
    warn: (message) => logger.warn(redact(message, secrets)),
  };
}
