import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { wrap } from '../errors.js';
import { writeLauncher } from '../launchers/launcher.js';
import type { StigmerLayout } from '../layout.js';
import { cliLog as log } from '../log/cli-log.js';
import { hostPort } from '../net/host-port.js';
import { canConnect } from '../net/tcp.js';
import { waitForTcp } from '../net/wait-tcp.js';
import { readProcessInfo } from '../process/identity.js';
import { inspectPidFile, readPid, removePidFile, writePidFile } from '../process/pid-file.js';
import { pollsFor, pollUntil, signalOwn } from '../process/terminate.js';
import type { EmulatorSettings } from '../settings.js';
import { TemporalLock } from './lock.js';

/** The real manager's waits: 10 s for the port, 20 polls of 500 ms after SIGTERM. */
const READY_TIMEOUT_MS = 10_000;
const STOP_WAIT_MS = 10_000;

/**
 * Managed Temporal as the CLI runs it (client-apps/cli/internal/cli/temporal/manager.go):
 * the lock is the source of truth, the pid file (three lines) is kept for debugging, and the
 * process gets a process group of its own. Unlike the real one it signals only a pid that its
 * identity file proves is the Temporal it started.
 */
export class TemporalManager {
  readonly binPath: string;
  private readonly lock: TemporalLock;

  constructor(
    private readonly layout: StigmerLayout,
    private readonly settings: EmulatorSettings,
  ) {
    this.binPath = join(layout.binDir, 'temporal');
    this.lock = new TemporalLock(layout.temporalLockFile);
  }

  /** `localhost:7233` in the real CLI. */
  address(): string {
    return hostPort(this.settings.host, this.settings.temporalPort);
  }

  /** Downloads the Temporal CLI on first use (the knob stands in for the download). */
  async ensureInstalled(): Promise<void> {
    if (existsSync(this.binPath)) return;
    log.info('Downloading Temporal CLI', { version: '1.5.1' });
    try {
      await sleep(this.settings.temporalDownloadMs);
      writeLauncher(this.binPath, 'temporal');
    } catch (error) {
      throw wrap(error, 'failed to download Temporal CLI');
    }
  }

  async start(): Promise<void> {
    if (this.lock.isLocked()) {
      log.info('Temporal is already running (lock file held) - reusing existing instance');
      return;
    }
    await this.cleanupStaleProcesses();
    if (await this.isRunning()) {
      log.info('Temporal is already running and healthy - reusing existing instance');
      return;
    }
    await this.ensureInstalled();
    this.lock.acquire();
    const { temporalDbFile, temporalLogFile } = this.layout;
    mkdirSync(join(temporalDbFile, '..'), { recursive: true });
    mkdirSync(join(temporalLogFile, '..'), { recursive: true });
    const out = openSync(temporalLogFile, 'a');
    const args = ['server', 'start-dev', '--port', String(this.settings.temporalPort)];
    args.push('--db-filename', temporalDbFile, '--ui-port', '8233');
    // Setpgid in the real one; Node's `detached` is setsid, which also makes a group of its own.
    const child = spawn(this.binPath, args, { detached: true, stdio: ['ignore', out, out] });
    closeSync(out);
    child.once('error', () => {});
    child.unref();
    if (child.pid === undefined) {
      this.lock.release();
      throw new Error(`failed to start Temporal process: could not spawn ${this.binPath}`);
    }
    const pid = child.pid;
    const stamp = Math.floor(Date.now() / 1000);
    writePidFile(this.layout.temporalPidFile, pid, this.marker(), `${pid}\ntemporal\n${stamp}\n`);
    log.info('Temporal dev server started', { pid, port: this.settings.temporalPort });
    const host = this.settings.host;
    if (!(await waitForTcp(host, this.settings.temporalPort, READY_TIMEOUT_MS))) {
      signalOwn({ pid, startTime: readProcessInfo(pid)?.startTime ?? '' }, 'SIGKILL');
      rmSync(this.layout.temporalPidFile, { force: true });
      this.lock.release();
      throw new Error('Temporal failed to start: Temporal failed to start within timeout');
    }
    log.info('Temporal is ready', { address: this.address() });
  }

  async stop(): Promise<void> {
    const pidFile = this.layout.temporalPidFile;
    if (readPid(pidFile) === null) {
      this.lock.release();
      throw new Error(`Temporal is not running: failed to open PID file: ${pidFile}`);
    }
    const state = inspectPidFile(pidFile, this.marker());
    if (state.kind !== 'ours') {
      this.lock.release();
      const why = state.kind === 'foreign' ? state.reason : 'it is not running';
      throw new Error(
        `failed to send SIGTERM to Temporal process group: pid ${state.kind === 'absent' ? '?' : state.pid} is not a Temporal this emulator started (${why})`,
      );
    }
    signalOwn(state, 'SIGTERM', { group: true });
    log.info('Sent SIGTERM to Temporal process group', { pid: state.pid });
    const polls = pollsFor(this.settings.stopTimeoutMs ?? STOP_WAIT_MS);
    if (!(await pollUntil(async () => !(await this.isRunning()), polls))) {
      log.warn('Temporal did not stop gracefully, force killing process group');
      signalOwn(state, 'SIGKILL', { group: true });
    }
    removePidFile(pidFile);
    this.lock.release();
  }

  /** Lock held, pid alive, the process is Temporal, and its port listens. */
  async isRunning(): Promise<boolean> {
    if (!this.lock.isLocked()) return false;
    const pid = readPid(this.layout.temporalPidFile);
    if (pid === null) return false;
    const info = readProcessInfo(pid);
    if (info === null || info.state === 'Z' || !this.isActuallyTemporal(pid)) return false;
    return canConnect(this.settings.host, this.settings.temporalPort, 100);
  }

  /** The real check: the process name holds "temporal" and runs our binary or `temporal server`. */
  private isActuallyTemporal(pid: number): boolean {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return false;
    }
    const command = readProcessInfo(pid)?.commandLine ?? '';
    if (!comm.toLowerCase().includes('temporal')) return false;
    return (
      command.includes(this.binPath) || (command.includes('temporal') && command.includes('server'))
    );
  }

  private async cleanupStaleProcesses(): Promise<void> {
    const pidFile = this.layout.temporalPidFile;
    const pid = readPid(pidFile);
    if (pid === null) return;
    const info = readProcessInfo(pid);
    if (info === null || info.state === 'Z' || !this.isActuallyTemporal(pid)) {
      removePidFile(pidFile);
      return;
    }
    if (!(await canConnect(this.settings.host, this.settings.temporalPort, 100))) {
      // A Temporal whose port does not listen: the real one SIGKILLs its group.
      const state = inspectPidFile(pidFile, this.marker());
      if (state.kind === 'ours') signalOwn(state, 'SIGKILL', { group: true });
      removePidFile(pidFile);
    }
  }

  /** What the Temporal process's command line contains: our launcher, started in dev mode. */
  private marker(): string {
    return `${this.binPath} server start-dev`;
  }
}
