/**
 * The one polling schedule for "wait until this is true": checks at once, then after 1, 2, 4, 8
 * ... ms up to `capMs` between checks, so a change is seen within milliseconds at first and
 * within one cap later at worst, for almost no CPU. `wake` (an exit, a file event) makes the
 * next check come at once.
 */
import { sleep } from './sleep.js';

export interface PollOptions {
  readonly signal?: AbortSignal | undefined;
  /** The longest pause between two checks. Default 100 ms. */
  readonly capMs?: number;
  /** Settling makes the next check run without waiting out the pause. */
  readonly wake?: Promise<unknown>;
}

const POLL_CAP_MS = 100;

/** Resolves with the first value `check` returns that is not undefined; rejects on abort. */
export async function pollUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  { signal, capMs = POLL_CAP_MS, wake }: PollOptions = {},
): Promise<T> {
  // A one-shot wake: once it has fired (and been acted on), the schedule alone goes on.
  let wakeUp = wake?.then(
    () => true,
    () => true,
  );
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const value = await check();
    if (value !== undefined) return value;
    const pause = sleep(Math.min(2 ** attempt, capMs), signal).then(
      () => false,
      () => false, // aborted: the next turn throws
    );
    const woke = await (wakeUp ? Promise.race([pause, wakeUp]) : pause);
    if (woke) wakeUp = undefined;
  }
}
