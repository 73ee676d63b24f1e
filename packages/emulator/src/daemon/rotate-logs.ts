import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliLog as log } from '../log/cli-log.js';

/** The files daemon.go rotates, all in `<data>/logs` (temporal.log and llm.log never are there). */
const ROTATED = [
  'stigmer-server.log',
  'stigmer-server.err',
  'agent-runner.log',
  'agent-runner.err',
  'workflow-runner.log',
  'workflow-runner.err',
  'temporal.log',
  'llm.log',
];
const KEEP_DAYS = 7;

/**
 * daemon.go `rotateLogsIfNeeded`, at every start: each non-empty log is renamed
 * `<name>.<YYYY-MM-DD-HHMMSS>`, so a new session starts with fresh files; archives older than
 * 7 days are deleted.
 */
export function rotateLogs(logDir: string, now = new Date()): void {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  for (const name of ROTATED) {
    const file = join(logDir, name);
    try {
      if (statSync(file).size === 0) continue;
      renameSync(file, `${file}.${stamp}`);
    } catch {
      // missing: nothing to rotate
    }
  }
  const cutoff = now.getTime() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const name of readdirSync(logDir)) {
    if (!/\.(log|err)\./.test(name)) continue;
    const file = join(logDir, name);
    if (statSync(file).mtimeMs < cutoff) {
      rmSync(file, { force: true });
      log.debug('Deleted old log file', { file: name });
    }
  }
}
