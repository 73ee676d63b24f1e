import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import type { StigmerLayout } from '../layout.js';
import { writePidFile } from '../process/pid-file.js';
import { type EmulatorSettings, settingsEnv } from '../settings.js';
import { COMPONENTS, type ComponentName, errFileOf, logFileOf } from './components.js';

/**
 * Spawns one component as a detached Node process (its own process group), stdout/stderr
 * appended to its log files, and writes its pid file. The child must outlive this CLI and must
 * not hold the CLI's stdout/stderr, or a caller waiting for our output would hang.
 */
export function launchComponent(
  name: ComponentName,
  layout: StigmerLayout,
  settings: EmulatorSettings,
): ChildProcess {
  const component = COMPONENTS[name];
  mkdirSync(layout.logDir, { recursive: true });
  const out = openSync(logFileOf(layout, name), 'a');
  const err = openSync(errFileOf(layout, name), 'a');
  try {
    const child = spawn(process.execPath, [component.script, '--home', layout.home], {
      detached: true,
      stdio: ['ignore', out, err],
      env: { ...process.env, HOME: layout.home, ...settingsEnv(settings) },
      cwd: layout.home,
    });
    child.once('error', () => {}); // reported below through the missing pid
    if (child.pid === undefined) {
      throw new Error(`Could not spawn ${name} (${process.execPath} ${component.script})`);
    }
    writePidFile(component.pidFile(layout), child.pid, component.script);
    child.unref();
    return child;
  } finally {
    closeSync(out);
    closeSync(err);
  }
}
