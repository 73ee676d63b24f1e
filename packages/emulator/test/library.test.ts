import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emulatorEnv, getFreePorts, KNOB_ENV, KnobError } from '../src/index.js';
import { cliPath } from './support/cli.js';

describe('emulatorEnv', () => {
  it('maps typed knobs to the environment variables, leaving unset ones out', () => {
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
    });
    expect(emulatorEnv()).toEqual({});
  });

  it('names every knob', () => {
    expect(Object.values(KNOB_ENV).every((name) => name.startsWith('STIGMER_EMULATOR_'))).toBe(
      true,
    );
    expect(Object.keys(KNOB_ENV)).toHaveLength(12);
  });

  it('rejects values the emulator would reject', () => {
    expect(() => emulatorEnv({ serverPort: 70_000 })).toThrow(KnobError);
    expect(() => emulatorEnv({ stopTimeoutMs: -1 })).toThrow(/STIGMER_EMULATOR_STOP_TIMEOUT_MS/);
    expect(() => emulatorEnv({ host: '[::1]' })).toThrow(/Drop the brackets/);
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

describe('emulatorBin', () => {
  it('points at the built CLI', async () => {
    const dist = pathToFileURL(cliPath.replace(/cli\.js$/, 'index.js')).href;
    const built = (await import(dist)) as { emulatorBin: string };
    expect(built.emulatorBin).toBe(cliPath);
  });
});
