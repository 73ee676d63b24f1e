import { ExitError } from './exit.js';
import { createProgress, type Progress } from './progress.js';

/** Signals that end a waiting command: it stops waiting, cleans up what it started, exits 128+n. */
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Runs a wait with live progress. Ctrl-C (or SIGTERM) aborts it, so that ensure releases the
 * lease and stops what this run started before we exit.
 */
export async function withProgress<T>(
  work: (progress: Progress, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const progress = createProgress();
  const abort = new AbortController();
  let received: keyof typeof SIGNALS | undefined;
  const handlers = Object.keys(SIGNALS).map((name) => {
    const signal = name as keyof typeof SIGNALS;
    const handler = () => {
      received = signal;
      progress.logger.info(`${signal}: cleaning up...`);
      abort.abort(new Error(`interrupted by ${signal}`));
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await work(progress, abort.signal);
  } catch (error) {
    if (received)
      throw new ExitError(128 + SIGNALS[received], `stigmer-e2e: interrupted by ${received}`);
    throw error;
  } finally {
    progress.done();
    for (const off of handlers) off();
  }
}
