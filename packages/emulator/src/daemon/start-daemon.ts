import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalConfig, loadConfig } from '../config/config-file.js';
import {
  resolveLlmBaseUrl,
  resolveLlmModel,
  resolveLlmProvider,
  resolveTemporalAddress,
} from '../config/resolve.js';
import { wrap } from '../errors.js';
import type { StigmerLayout } from '../layout.js';
import { setupOllama } from '../llm/setup.js';
import { cliLog as log } from '../log/cli-log.js';
import { CLI_PATH, SERVER_MARKER } from '../process/markers.js';
import { writePidFile } from '../process/pid-file.js';
import type { EmulatorSettings } from '../settings.js';
import { TemporalManager } from '../temporal/manager.js';
import { cleanupOrphanedProcesses } from './cleanup-orphans.js';
import { isDaemonRunning } from './is-running.js';
import { rotateLogs } from './rotate-logs.js';
import { gatherRequiredSecrets } from './secrets.js';

/**
 * daemon.go `StartWithOptions`: clean up orphans, rotate logs, set up the LLM (Ollama and its
 * model), gather the API key, start managed Temporal, then spawn stigmer-server in this
 * process's own group (not detached) with its output in `<data>/logs/stigmer-server.log`,
 * write `daemon.pid` (no newline) and return at once: nothing waits for :7234.
 * Returns the server's pid. Errors carry the real wrap chain.
 */
export async function startDaemon(
  layout: StigmerLayout,
  settings: EmulatorSettings,
  say: (line: string) => void,
): Promise<number> {
  await cleanupOrphanedProcesses(layout, settings);
  if (await isDaemonRunning(layout, settings)) throw new Error('daemon is already running');
  mkdirSync(layout.dataDir, { recursive: true });
  mkdirSync(layout.logDir, { recursive: true });
  rotateLogs(layout.logDir);

  let cfg: LocalConfig;
  try {
    cfg = loadConfig(layout, settings);
  } catch (error) {
    log.warn('Failed to load config, using defaults', { error: String(error) });
    cfg = {};
  }
  const provider = resolveLlmProvider(cfg);
  const model = resolveLlmModel(cfg);
  const baseUrl = resolveLlmBaseUrl(cfg, settings);
  if (provider === 'ollama') {
    try {
      const using = await setupOllama(layout, settings, model);
      if (using !== model)
        log.info('Using compatible model instead of configured model', { requested: model, using });
    } catch (error) {
      throw wrap(error, 'failed to setup local LLM');
    }
    say('✓ Using local LLM (no API key required)');
  } else {
    say(`ℹ Using ${provider} with model ${model}`);
  }
  let secrets: Record<string, string>;
  try {
    secrets = await gatherRequiredSecrets(provider);
  } catch (error) {
    throw wrap(error, 'failed to gather required secrets');
  }

  let { address: temporalAddress, managed } = resolveTemporalAddress(cfg, settings);
  if (managed) {
    log.info('Starting managed Temporal server...');
    const temporal = new TemporalManager(layout, settings);
    try {
      await temporal.ensureInstalled();
    } catch (error) {
      throw wrap(error, 'failed to ensure Temporal installation');
    }
    try {
      await temporal.start();
    } catch (error) {
      throw wrap(error, 'failed to start Temporal');
    }
    temporalAddress = temporal.address();
  } else {
    log.info('Using external Temporal', { address: temporalAddress });
  }

  const out = openSync(join(layout.logDir, 'stigmer-server.log'), 'a');
  const child = spawn(process.execPath, [CLI_PATH, 'internal-server'], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      STIGMER_DATA_DIR: layout.dataDir,
      GRPC_PORT: String(settings.serverPort),
      STIGMER_LOG_DIR: layout.logDir,
      TEMPORAL_SERVICE_ADDRESS: temporalAddress,
      STIGMER_LLM_PROVIDER: provider,
      STIGMER_LLM_MODEL: model,
      STIGMER_LLM_BASE_URL: baseUrl,
      ...secrets,
    },
  });
  closeSync(out);
  child.once('error', () => {});
  child.unref();
  if (child.pid === undefined) throw new Error('failed to start daemon process');
  writePidFile(layout.daemonPidFile, child.pid, SERVER_MARKER);
  log.info('Stigmer server started successfully', {
    data_dir: layout.dataDir,
    pid: child.pid,
    port: settings.serverPort,
  });
  return child.pid;
}
