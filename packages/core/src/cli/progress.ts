/**
 * Progress while waiting: a live line in a terminal, plain lines (each change, plus a heartbeat)
 * in CI logs, so a long wait is never silent.
 */
import type { ComponentStatus } from '../probe/component-status.js';
import type { Logger } from '../report/logger.js';
import { isCI } from '../stack/policy.js';
import { redact } from '../util/redact.js';

const HEARTBEAT_MS = 5_000;
const FRAME_MS = 120;
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  readonly logger: Logger;
  readonly onProgress: (components: readonly ComponentStatus[], elapsedMs: number) => void;
  /** Clears the live line and stops the timers. */
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY) && !isCI();
  const started = Date.now();
  let current: readonly ComponentStatus[] = [];
  let frame = 0;
  let lastPrinted = Date.now();

  const summary = () =>
    current
      .map(
        (c) =>
          `${c.name} ${c.ready ? '✓' : c.detail.length > 40 ? `${c.detail.slice(0, 40)}…` : c.detail}`,
      )
      .join('  ');
  const clear = () => live && stream.write('\r\x1b[2K');
  const draw = () => {
    if (!live || current.length === 0) return;
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${FRAMES[frame++ % FRAMES.length]} ${secs}s  ${summary()}`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 120) - 1)}`);
  };
  const print = (line: string) => {
    clear();
    stream.write(`${redact(line)}\n`);
    draw();
  };
  const timer = setInterval(
    () => {
      if (live) draw();
      else if (current.length > 0 && Date.now() - lastPrinted >= HEARTBEAT_MS) {
        lastPrinted = Date.now();
        stream.write(
          `  still waiting (${Math.round((Date.now() - started) / 1000)} s): ${summary()}\n`,
        );
      }
    },
    live ? FRAME_MS : 1_000,
  );
  timer.unref();

  return {
    logger: { info: print, warn: (m) => print(`warning: ${m}`) },
    onProgress(components, elapsedMs) {
      const before = new Map(current.map((c) => [c.name, c]));
      current = components.map((c) => ({ ...c }));
      if (live) return draw();
      for (const c of current) {
        const was = before.get(c.name);
        if (was && was.ready === c.ready && was.detail === c.detail) continue;
        if (c.detail === 'waiting') continue;
        lastPrinted = Date.now();
        stream.write(
          `  [${(elapsedMs / 1000).toFixed(1)}s] ${c.name}: ${c.ready ? 'ready' : 'not ready'} (${redact(c.detail)})\n`,
        );
      }
    },
    done() {
      clearInterval(timer);
      clear();
      current = [];
    },
  };
}
