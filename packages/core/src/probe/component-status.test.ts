import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from '../profile/profile.js';
import { probeAll } from './component-status.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-probe-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A probe that spawns a process, which leaves a mark when it runs. */
const spawning = (name: string, required: boolean): Component => ({
  name,
  required,
  probe: { command: ['touch', path.join(dir, name)] },
  pidFile: null,
});

describe('probeAll', () => {
  it('spareOptional: an optional component whose probe spawns a process is not run, and says so', async () => {
    const statuses = await probeAll([spawning('needed', true), spawning('extra', false)], {
      spareOptional: true,
    });
    expect(existsSync(path.join(dir, 'needed'))).toBe(true);
    expect(existsSync(path.join(dir, 'extra'))).toBe(false);
    expect(statuses[1]).toMatchObject({
      ready: false,
      detail: expect.stringMatching(/not checked/),
    });
    await probeAll([spawning('extra', false)]);
    expect(existsSync(path.join(dir, 'extra'))).toBe(true); // without it, every one is probed
  });
});
