import { readFile } from 'node:fs/promises';

/**
 * The environment a running process was started with, or null where it cannot be read (not
 * Linux, or another user's process). Linux: /proc/<pid>/environ, NUL-separated.
 */
export async function processEnv(pid: number): Promise<Record<string, string> | null> {
  if (process.platform !== 'linux') return null;
  try {
    const raw = await readFile(`/proc/${pid}/environ`, 'utf8');
    const env: Record<string, string> = {};
    for (const entry of raw.split('\0')) {
      const at = entry.indexOf('=');
      if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
    }
    return env;
  } catch {
    return null;
  }
}
