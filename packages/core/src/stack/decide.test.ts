import { describe, expect, it } from 'vitest';
import type { ComponentStatus } from '../probe/component-status.js';
import type { Ownership } from '../state/state.js';
import { type DecisionInput, decide, outcomeOf } from './decide.js';

const status = (
  name: string,
  ready: boolean,
  extra: Partial<ComponentStatus> = {},
): ComponentStatus => ({
  name,
  required: true,
  ready,
  address: null,
  detail: ready ? 'ok' : 'connection refused',
  foreign: false,
  ...extra,
});
const owner = (phase: Ownership['phase'] = 'running'): Ownership => ({
  leaseId: 'owner',
  phase,
  mode: 'daemon',
  startedAt: 1,
  process: null,
  identity: [],
});
/** No settings mismatch, nobody's own lease: the common case; each test says what differs. */
const input = (given: Partial<DecisionInput>): DecisionInput => ({
  owner: null,
  ownedByUs: false,
  liveLeases: 0,
  starterAlive: false,
  statuses: [],
  mismatch: [],
  onMismatch: 'reuse',
  anchor: 'server',
  toleratesLeftovers: false,
  settled: false,
  ...given,
});
const up = [status('server', true), status('temporal', true)];
const down = [status('server', false), status('temporal', false)];
const half = [status('server', true), status('temporal', false, { detail: 'NOT_SERVING' })];

describe('decide: the behaviour matrix', () => {
  it.each([
    ['running, not ours', 'reuse', null, 0, false, up],
    ['not running', 'start', null, 0, false, down],
    ['running with a required component down, not ours', 'settle', null, 0, false, half],
    ['another run is starting it', 'join', owner('starting'), 1, true, down],
    ['another run uses the stack we started', 'join', owner(), 2, false, up],
    ['owner died, stack up, no live lease', 'adopt', owner(), 0, false, up],
    [
      'owner died mid-start, start command still running',
      'adopt',
      owner('starting'),
      0,
      true,
      down,
    ],
    ['owner died, stack down, no live lease', 'restart', owner(), 0, false, down],
    ['owner died, stack half up, no live lease', 'restart', owner(), 0, false, half],
    ['ours, in use by others, but no longer ready', 'unavailable', owner(), 1, false, half],
  ] as const)('%s -> %s', (_, expected, o, liveLeases, starterAlive, statuses) => {
    expect(
      decide(input({ owner: o, liveLeases, starterAlive, statuses: [...statuses] })).kind,
    ).toBe(expected);
  });

  it('names the components that are down when the stack is partly running', () => {
    const decision = decide(input({ statuses: half }));
    expect(decision).toMatchObject({ kind: 'settle' });
    expect((decision as { reason: string }).reason).toContain('temporal is down (NOT_SERVING)');
    expect((decision as { reason: string }).reason).toContain('nothing was touched');
  });

  it('never takes a port held by a foreign process for the stack', () => {
    const statuses = [
      status('server', false, { foreign: true, detail: ':7234 answers, but there is no pid file' }),
      status('temporal', true),
    ];
    const decision = decide(input({ statuses }));
    expect(decision.kind).toBe('unavailable');
    expect((decision as { reason: string }).reason).toContain('server: :7234 answers');
  });

  it('ignores optional components', () => {
    const statuses = [...up, status('agent-runner', false, { required: false })];
    expect(decide(input({ statuses })).kind).toBe('reuse');
    const onlyOptionalUp = [...down, status('agent-runner', true, { required: false })];
    expect(decide(input({ statuses: onlyOptionalUp })).kind).toBe('start');
  });

  it('a resumed lease that owns the stack keeps it (an Action main after its pre)', () => {
    expect(decide(input({ owner: owner('starting'), ownedByUs: true, statuses: down })).kind).toBe(
      'own',
    );
  });

  it.each([
    ['ours, nobody else uses it: restarted with our settings', owner(), 0, 'reuse', 'restart'],
    ['ours, others use it, reuse allowed: joined with a warning', owner(), 1, 'reuse', 'join'],
    [
      'ours, others use it, under CI: unavailable, untouched',
      owner(),
      1,
      'unavailable',
      'unavailable',
    ],
    ['not ours, reuse allowed: reused with a warning', null, 0, 'reuse', 'reuse'],
    ['not ours, under CI: unavailable, untouched', null, 0, 'unavailable', 'unavailable'],
  ] as const)('other settings, %s', (_, o, liveLeases, onMismatch, expected) => {
    const mismatch = ['STIGMER_LLM_MODEL is "a", wanted "b"'];
    const decision = decide(input({ owner: o, liveLeases, statuses: up, mismatch, onMismatch }));
    expect(decision.kind).toBe(expected);
    if ('mismatch' in decision) expect(decision.mismatch).toEqual(mismatch);
  });

  it('one table from decision to outcome', () => {
    expect(outcomeOf({ kind: 'restart', why: 'broken', mismatch: [] })).toBe('adopted');
    expect(outcomeOf({ kind: 'restart', why: 'mismatch', mismatch: [] })).toBe('started');
    expect(outcomeOf({ kind: 'settle', reason: '', thenStart: false })).toBe('reused');
    expect(outcomeOf({ kind: 'own' })).toBe('started');
  });

  it('a daemon down with a part left running, when the start command cleans leftovers: settle, then start', () => {
    const leftover = [status('server', false), status('temporal', true)];
    const first = decide(input({ statuses: leftover, toleratesLeftovers: true }));
    expect(first).toMatchObject({ kind: 'settle', thenStart: true });
    expect(
      decide(input({ statuses: leftover, toleratesLeftovers: true, settled: true })).kind,
    ).toBe('start');
    // Without it, or with the daemon up, a partial stack that is not ours is never started.
    expect(decide(input({ statuses: leftover, settled: true })).kind).toBe('settle');
    expect(decide(input({ statuses: half, toleratesLeftovers: true, settled: true })).kind).toBe(
      'settle',
    );
  });
});
