import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  dockerBinDir,
  emulatorEnv,
  getFreePorts,
  KNOB_ENV,
  KnobError,
  stigmerLayout,
} from '../src/index.js';
import { readSettings } from '../src/settings.js';
import { cliPath } from './support/cli.js';

describe('emulatorEnv', () => {
  it('maps typed knobs to the environment variables, over the test defaults', () => {
    expect(
      emulatorEnv({
        host: '::1',
        serverPort: 1234,
        startDelayMs: 10_000,
        failStart: true,
        ignoreSigterm: false,
      }),
    ).toEqual({
      STIGMER_EMULATOR_HOST: '::1',
      STIGMER_EMULATOR_SERVER_PORT: '1234',
      STIGMER_EMULATOR_START_DELAY_MS: '10000',
      STIGMER_EMULATOR_FAIL_START: '1',
      STIGMER_EMULATOR_IGNORE_SIGTERM: '0',
      STIGMER_EMULATOR_OLLAMA_MODELS: 'qwen2.5-coder:7b',
      STIGMER_EMULATOR_SUPERVISOR_START_WAIT_MS: '300',
      STIGMER_EMULATOR_SUPERVISOR_STOP_WAIT_MS: '300',
    });
  });

  it('with no arguments gives a stack that starts: a model present, short supervisor waits', () => {
    const settings = readSettings(emulatorEnv());
    expect(settings.ollamaModels).toEqual(['qwen2.5-coder:7b']);
    expect(settings.supervisorStartWaitMs).toBeLessThan(2_000);
    // Raw, without emulatorEnv, the emulator is the real CLI on a fresh machine.
    const raw = readSettings({});
    expect(raw.ollamaModels).toEqual([]);
    expect(raw.supervisorStartWaitMs).toBe(2_000);
    expect(raw.healthCheckIntervalMs).toBe(10_000);
    expect([raw.serverPort, raw.temporalPort, raw.ollamaPort]).toEqual([7234, 7233, 11434]);
  });

  it('an empty model list overrides the default model', () => {
    expect(readSettings(emulatorEnv({ ollamaModels: [] })).ollamaModels).toEqual([]);
  });

  it('names every knob', () => {
    expect(Object.values(KNOB_ENV).every((name) => name.startsWith('STIGMER_EMULATOR_'))).toBe(
      true,
    );
    expect(KNOB_ENV.serverPort).toBe('STIGMER_EMULATOR_SERVER_PORT');
    expect(KNOB_ENV.temporalPort).toBe('STIGMER_EMULATOR_TEMPORAL_PORT');
    expect(Object.keys(KNOB_ENV)).not.toContain('workflowRunnerPort');
  });

  it('rejects values the emulator would reject', () => {
    expect(() => emulatorEnv({ serverPort: 70_000 })).toThrow(KnobError);
    expect(() => emulatorEnv({ stopTimeoutMs: -1 })).toThrow(/STIGMER_EMULATOR_STOP_TIMEOUT_MS/);
    expect(() => emulatorEnv({ host: '[::1]' })).toThrow(/Drop the brackets/);
    expect(() => emulatorEnv({ ollamaModels: ['two words'] })).toThrow(
      /STIGMER_EMULATOR_OLLAMA_MODELS/,
    );
  });
});

describe('getFreePorts', () => {
  it('returns distinct bindable ports', async () => {
    const ports = await getFreePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port).toBeGreaterThan(0);
    await expect(getFreePorts(0)).rejects.toThrow(/positive integer/);
  });
});

describe('emulatorBin, dockerBinDir, stigmerLayout', () => {
  it('point at the built CLI and the docker stand-in', async () => {
    const dist = pathToFileURL(cliPath.replace(/cli\.js$/, 'index.js')).href;
    const built = (await import(dist)) as { emulatorBin: string; dockerBinDir: string };
    expect(built.emulatorBin).toBe(cliPath);
    expect(existsSync(join(built.dockerBinDir, 'docker'))).toBe(true);
    expect(built.dockerBinDir).toBe(dockerBinDir);
  });

  it('lays files out as the page says', () => {
    const layout = stigmerLayout('/h');
    expect(layout.temporalLogFile).toBe('/h/.stigmer/logs/temporal.log');
    expect(layout.llmLogFile).toBe('/h/.stigmer/logs/llm.log');
    expect(layout.containerIdFile).toBe('/h/.stigmer/data/agent-runner.containerid');
    expect(layout.ollamaModelsDir).toBe('/h/.ollama/models');
  });
});
