/**
 * Paused components, on disk in the state dir (`pauses/<id>.json`), so that whoever resumes
 * (the pausing run, its release, the stack's stop, the detached resumer) sees the same list.
 * Resuming is by identity: SIGCONT only to the very process paused, `docker unpause` only of the
 * very container (same id, same start). The record is deleted once resumed: the resumer, seeing
 * it gone, exits.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ProcessRef } from '../process/identity.js';
import { runBounded } from '../process/run-bounded.js';
import { signalVerified } from '../process/signal.js';
import { readSmallFile, replaceSmallFile } from '../util/small-file.js';
import type { FaultTarget } from './target.js';

export interface PauseRecord {
  readonly id: string;
  readonly target: FaultTarget;
  readonly pausedAt: number;
  /** Epoch ms: resumed then at the latest, by the detached resumer if nobody did earlier. */
  readonly resumeAt: number;
  /** Resumed as soon as this process is proven dead (null: only at `resumeAt`). */
  readonly holder: ProcessRef | null;
}

const pausesDir = (stateDir: string): string => path.join(stateDir, 'pauses');
export const pauseFile = (stateDir: string, id: string): string =>
  path.join(pausesDir(stateDir), `${id}.json`);

export function writePause(stateDir: string, record: PauseRecord): string {
  mkdirSync(pausesDir(stateDir), { recursive: true, mode: 0o700 });
  const file = pauseFile(stateDir, record.id);
  replaceSmallFile(file, `${file}.tmp`, JSON.stringify(record));
  return file;
}

export function readPause(file: string): PauseRecord | null {
  try {
    const text = readSmallFile(file);
    return text === null ? null : (JSON.parse(text) as PauseRecord);
  } catch {
    return null;
  }
}

export function listPauses(stateDir: string): PauseRecord[] {
  let names: string[];
  try {
    names = readdirSync(pausesDir(stateDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => readPause(path.join(pausesDir(stateDir), n)))
    .filter((r): r is PauseRecord => r !== null);
}

/**
 * Thaws what `target` names, only if it still is that process or container. Returns what was
 * done, for the report; never throws.
 */
async function thaw(target: FaultTarget): Promise<string> {
  if (target.kind === 'process') {
    const sent = await signalVerified(target, 'SIGCONT');
    return sent
      ? `SIGCONT to pid ${target.pid}`
      : `pid ${target.pid} is gone (or another process now): nothing to resume`;
  }
  const inspect = await runBounded(
    ['docker', 'inspect', '--format', '{{.Id}}|{{.State.StartedAt}}|{{.State.Paused}}', target.id],
    { timeoutMs: 10_000 },
  );
  const [id, startedAt, paused] = inspect.stdout.trim().split('|');
  if (inspect.exitCode !== 0 || id !== target.id || startedAt !== target.startedAt)
    return `container ${target.container} is gone or was restarted: nothing to resume`;
  if (paused !== 'true') return `container ${target.container} is not paused`;
  const result = await runBounded(['docker', 'unpause', target.id], { timeoutMs: 10_000 });
  return result.exitCode === 0
    ? `docker unpause ${target.container}`
    : `docker unpause ${target.container} failed: ${result.stderr.trim() || result.spawnError}`;
}

/** Thaws a recorded pause and deletes its record (the resumer then exits). */
export async function resumePause(stateDir: string, record: PauseRecord): Promise<string> {
  const done = await thaw(record.target);
  rmSync(pauseFile(stateDir, record.id), { force: true });
  return done;
}

/** Every pause recorded in the state dir resumed: before a stop, a stack is thawed. */
export async function resumeAllPauses(stateDir: string): Promise<string[]> {
  return Promise.all(listPauses(stateDir).map((r) => resumePause(stateDir, r)));
}
