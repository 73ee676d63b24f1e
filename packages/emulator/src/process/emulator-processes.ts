import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProcessInfo } from './identity.js';
import { type OwnProcess, signalOwn } from './terminate.js';

/** The emulator package (dist/ and bin/ below it): every emulated process runs a script here. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Live emulator processes started for `home`: their environment has `HOME=<home>` and their
 * command line runs a script of this package or a launcher in `<home>/.stigmer/bin`. This is
 * what `stigmer server stop` leaves on purpose (Temporal, Ollama) or by accident, and what a
 * test's cleanup must end. Linux only (reads /proc); an empty list elsewhere.
 */
export function emulatorProcesses(home: string): OwnProcess[] {
  if (process.platform !== 'linux') return [];
  const launchers = join(home, '.stigmer', 'bin');
  const found: OwnProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const pid = Number(entry);
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    } catch {
      continue; // exited, or not ours to read
    }
    if (!environ.split('\0').includes(`HOME=${home}`)) continue;
    const info = readProcessInfo(pid);
    if (info === null || info.state === 'Z') continue;
    if (info.commandLine.includes(PACKAGE_ROOT) || info.commandLine.includes(launchers)) {
      found.push({ pid, startTime: info.startTime });
    }
  }
  return found;
}

/**
 * SIGKILLs every emulator process of `home` (see `emulatorProcesses`), each only while its pid
 * still names the process found. Returns the pids signalled. For test cleanup: a real stop
 * leaves managed Temporal and Ollama running.
 */
export function killEmulatorProcesses(home: string): number[] {
  return emulatorProcesses(home)
    .filter((target) => signalOwn(target, 'SIGKILL'))
    .map((target) => target.pid);
}
