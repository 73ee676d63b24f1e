/** Each component's log tail in its own collapsed group. */
import * as core from '@actions/core';
import type { LogTail } from '@stigmer/e2e-core';
import * as log from '../log.js';

export function printLogTails(tails: readonly LogTail[], why: string): void {
  const byComponent = new Map<string, LogTail[]>();
  for (const t of tails) byComponent.set(t.component, [...(byComponent.get(t.component) ?? []), t]);
  log.info(`Log tails of each component (${why}):`);
  for (const [component, files] of byComponent) {
    const lines = files.reduce((n, f) => n + f.lines.length, 0);
    core.startGroup(`${component} log (last ${lines} lines)`);
    for (const f of files) {
      if (f.missing) {
        log.info(`--- ${f.file} (no such file)`);
        continue;
      }
      log.info(`--- ${f.file}${f.lines.length === 0 ? ' (empty)' : ''}`);
      for (const line of f.lines) log.info(line);
    }
    core.endGroup();
  }
}
