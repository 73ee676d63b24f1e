import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the real CLI keeps its files under a home directory (see the reference page). */
export interface StigmerLayout {
  home: string;
  /** `~/.stigmer` */
  stigmerDir: string;
  /** `~/.stigmer/config.yaml`, created on first start. */
  configFile: string;
  /** `~/.stigmer/data`: pid files of stigmer-server and the runners. */
  dataDir: string;
  /** `~/.stigmer/data/logs`: `<component>.log` and its `.err` twin. */
  logDir: string;
  /** `~/.stigmer/data/llm.json`: the LLM settings the running stack was started with. */
  llmFile: string;
  /** `~/.stigmer/temporal.lock`: held by Temporal while it runs. */
  temporalLockFile: string;
}

/** The layout under `home`; defaults to `os.homedir()`, which honours the HOME variable. */
export function stigmerLayout(home: string = homedir()): StigmerLayout {
  const stigmerDir = join(home, '.stigmer');
  const dataDir = join(stigmerDir, 'data');
  return {
    home,
    stigmerDir,
    configFile: join(stigmerDir, 'config.yaml'),
    dataDir,
    logDir: join(dataDir, 'logs'),
    llmFile: join(dataDir, 'llm.json'),
    temporalLockFile: join(stigmerDir, 'temporal.lock'),
  };
}
