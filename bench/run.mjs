#!/usr/bin/env node
// stigmer-e2e benchmarks. Every figure is measured side by side with its comparison in the same
// run, interleaved, and reported as medians and ratios (these machines are noisy).
// Usage: pnpm bench [-- --only lag,warm,sharing,action,cache,stop,memory,usage,install] [--runs N] [--sharing 8,32]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defineServer, ensureServer, releaseServer, stigmer } from '@stigmer/e2e-core';
import { emulatedMachine, emulatorBin, getFreePorts } from '@stigmer/e2e-emulator';
import waitOn from 'wait-on';
import { runStage } from './lib/action-stage.mjs';
import { waitPlaywrightStyle } from './lib/playwright-schedule.mjs';
import { median, now, round, summary } from './lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = fileURLToPath(
  new URL('bin/stigmer-e2e.js', import.meta.resolve('@stigmer/e2e-core/package.json')),
);
// `pnpm bench -- --only warm` hands the `--` on to this script.
const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const { values: args } = parseArgs({
  args: argv,
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '15' },
    sharing: { type: 'string', default: '8,32' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(
    'Usage: pnpm bench [-- --only lag,warm,sharing,action,cache,stop,memory,usage,install] [--runs N] [--sharing 8,32]',
  );
  process.exit(0);
}
const RUNS = Number(args.runs);
const only = new Set(
  (args.only ?? 'lag,warm,sharing,action,cache,stop,memory,usage,install').split(','),
);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'stigmer-e2e-bench-'));
const results = { machine: machine(), date: new Date().toISOString(), sections: {} };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Every emulated machine, so that whatever happens, all are stopped at the end. */
const stacks = [];

/**
 * An emulated Stigmer stack on an emulated machine (its own HOME, free ports for stigmer-server,
 * Temporal and the fake Ollama, the `docker` stand-in first on PATH); `env` drives both the CLI
 * and the emulator.
 */
async function emulated(name, knobs = {}) {
  const home = path.join(scratch, name);
  mkdirSync(home, { recursive: true });
  const stack = await emulatedMachine(home, knobs);
  const env = {
    ...process.env,
    CI: '',
    ...stack.env,
    ...stack.addresses,
    STIGMER_E2E_BIN: emulatorBin,
  };
  const profile = () =>
    stigmer({
      bin: emulatorBin,
      home,
      serverAddress: env.STIGMER_SERVER_ADDR,
      temporalAddress: env.TEMPORAL_ADDRESS,
      env: stack.env,
    });
  stacks.push(stack);
  return { home, env, profile, stigmerCli: stack.cli };
}

function machine() {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memGiB: round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function table(title, rows) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, ...cells] of rows)
    console.log(`  ${label.padEnd(width)}  ${cells.join('  ')}`);
}

// 1. Readiness lag: from the moment the server really listens to each waiter noticing.
async function lag() {
  const [port] = await getFreePorts(1);
  const listenFile = path.join(scratch, 'listen-at');
  const listener = path.join(here, 'lib/late-listener.mjs');
  const spec = {
    name: 'bench-lag',
    stateDir: path.join(scratch, 'lag-state'),
    start: {
      command: [process.execPath, listener],
      mode: 'process',
      env: { PORT: String(port), LISTEN_FILE: listenFile },
    },
    components: [{ name: 'web', probe: { tcp: `127.0.0.1:${port}` } }],
  };
  const lags = { inProcess: [], inProcessSilent: [], cli: [], waitOn: [], playwright: [] };
  // The listener writes the moment in its 'listening' callback, which a fast waiter can beat.
  const listenedAt = async () => {
    for (;;) {
      try {
        return Number(readFileSync(listenFile, 'utf8'));
      } catch {
        await sleep(1);
      }
    }
  };
  for (let i = 0; i < RUNS; i++) {
    const delay = 300 + Math.round(Math.random() * 900); // random phase against every poll schedule
    const withDelay = {
      ...spec,
      start: { ...spec.start, env: { ...spec.start.env, DELAY_MS: String(delay) } },
    };

    rmSync(listenFile, { force: true });
    const handle = await ensureServer(defineServer(withDelay));
    lags.inProcess.push(now() - (await listenedAt()));
    await handle.release();

    // A server that prints nothing as it listens: the poll schedule alone.
    rmSync(listenFile, { force: true });
    const silent = { ...withDelay.start, env: { ...withDelay.start.env, SILENT: '1' } };
    const quiet = await ensureServer(defineServer({ ...withDelay, start: silent }));
    lags.inProcessSilent.push(now() - (await listenedAt()));
    await quiet.release();

    rmSync(listenFile, { force: true });
    const config = path.join(scratch, 'lag.json');
    writeFileSync(config, JSON.stringify(withDelay));
    const exitedAt = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, 'up', '--config', config, '--json'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, CI: '' },
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.once('exit', () => resolve({ at: now(), lease: JSON.parse(out).leaseId }));
    });
    lags.cli.push(exitedAt.at - (await listenedAt()));
    await releaseServer(defineServer(withDelay), exitedAt.lease);

    for (const [name, wait] of [
      ['waitOn', () => waitOn({ resources: [`tcp:127.0.0.1:${port}`] })],
      ['playwright', () => waitPlaywrightStyle(port)],
    ]) {
      rmSync(listenFile, { force: true });
      const server = spawn(process.execPath, [listener], {
        env: {
          ...process.env,
          PORT: String(port),
          LISTEN_FILE: listenFile,
          DELAY_MS: String(delay),
        },
        stdio: 'ignore',
      });
      await wait();
      lags[name].push(now() - (await listenedAt()));
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }
  const s = Object.fromEntries(
    Object.entries(lags).map(([k, v]) => [k, summary(v.map((x) => round(x)))]),
  );
  // The CPU the wait spends polling: a silent server that listens after 3 s, sampled from 1 s
  // to 2.5 s into the wait (after the launch, before the end: probes and timers only).
  rmSync(listenFile, { force: true });
  const slow = { ...spec.start, env: { ...spec.start.env, DELAY_MS: '3000', SILENT: '1' } };
  const samples = [];
  const sample = () => samples.push({ cpu: process.cpuUsage(), at: now() });
  const timers = [setTimeout(sample, 1_000), setTimeout(sample, 2_500)];
  const slowHandle = await ensureServer(defineServer({ ...spec, start: slow }));
  for (const timer of timers) clearTimeout(timer);
  await slowHandle.release();
  if (samples.length !== 2) throw new Error('the 3 s wait ended before the CPU was sampled');
  const [from, to] = samples;
  const cpuMs = (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000;
  const waitCpuPercent = round((cpuMs / (to.at - from.at)) * 100, 2);
  results.sections.lag = {
    ...s,
    waitCpuPercent,
    waitOnOverInProcess: round(s.waitOn.median / s.inProcess.median),
    waitOnOverCli: round(s.waitOn.median / s.cli.median),
  };
  table(`Readiness lag, listen -> noticed (ms; ${RUNS} runs, median [min-max])`, [
    [
      'ensureServer (in-process)',
      `${s.inProcess.median}`,
      `[${s.inProcess.min}-${s.inProcess.max}]`,
      'target <= 5 (a server that logs as it listens)',
    ],
    [
      'ensureServer, a silent server (poll only)',
      `${s.inProcessSilent.median}`,
      `[${s.inProcessSilent.min}-${s.inProcessSilent.max}]`,
    ],
    ['CPU polling while waiting (% of one core)', `${waitCpuPercent}%`, '', 'target < 2'],
    ['stigmer-e2e up (CLI exit)', `${s.cli.median}`, `[${s.cli.min}-${s.cli.max}]`, 'target <= 40'],
    ['wait-on (tcp, defaults)', `${s.waitOn.median}`, `[${s.waitOn.min}-${s.waitOn.max}]`],
    ['Playwright schedule', `${s.playwright.median}`, `[${s.playwright.min}-${s.playwright.max}]`],
    ['wait-on / in-process', `${results.sections.lag.waitOnOverInProcess}x`, '', 'target >= 5'],
    ['wait-on / CLI', `${results.sections.lag.waitOnOverCli}x`],
  ]);
}

// 2. Warm path: the stack already runs (started by hand), a run reuses it.
async function warm() {
  const stack = await emulated('warm');
  await stack.stigmerCli('server');
  try {
    const cliMs = [];
    const nodeMs = [];
    const time = (argv) => {
      const t = now();
      const r = spawnSync(process.execPath, argv, { env: stack.env, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
      return now() - t;
    };
    time([cli, 'run', '--', 'true']); // warm the file cache
    for (let i = 0; i < RUNS; i++) {
      cliMs.push(time([cli, 'run', '--', 'true']));
      nodeMs.push(time(['-e', '0']));
    }
    const profile = stack.profile();
    // Steady state, as in a beforeEach: the first call also loads the probe modules (~40 ms once).
    for (let i = 0; i < 5; i++) await (await ensureServer(profile)).release();
    const inProcess = [];
    for (let i = 0; i < RUNS * 4; i++) {
      const t = now();
      const handle = await ensureServer(profile);
      await handle.release();
      inProcess.push(now() - t);
    }
    const ratios = cliMs.map((c, i) => c / nodeMs[i]);
    results.sections.warm = {
      cliRun: summary(cliMs.map((x) => round(x))),
      nodeE0: summary(nodeMs.map((x) => round(x))),
      ratioOfMedians: round(median(cliMs) / median(nodeMs), 2),
      medianOfRatios: round(median(ratios), 2),
      ensureRelease: summary(inProcess.map((x) => round(x, 2))),
    };
    const w = results.sections.warm;
    table(`Warm path, stack already running (${RUNS} interleaved pairs)`, [
      ['stigmer-e2e run -- true', `${w.cliRun.median} ms`],
      ['node -e 0', `${w.nodeE0.median} ms`],
      [
        'ratio (median of pair ratios)',
        `${w.medianOfRatios}x`,
        `(ratio of medians ${w.ratioOfMedians}x)`,
        'target <= 1.5',
      ],
      [
        'ensureServer + release, in-process',
        `${w.ensureRelease.median} ms`,
        `[${w.ensureRelease.min}-${w.ensureRelease.max}]`,
        'target <= 5',
      ],
    ]);
  } finally {
    await stack.stigmerCli('server', 'stop').catch(() => {});
  }
}

// 3. Sharing: N runs at once on one stack, against the same N runs each starting its own stack one after another.
async function sharing() {
  const rows = [];
  results.sections.sharing = {};
  for (const n of args.sharing.split(',').map(Number)) {
    const stack = await emulated(`sharing-${n}`);
    const suite = ['run', '--', process.execPath, '-e', 'setTimeout(() => {}, 300)'];
    const once = () =>
      new Promise((resolve) =>
        spawn(process.execPath, [cli, ...suite], { env: stack.env, stdio: 'ignore' }).once(
          'exit',
          resolve,
        ),
      );
    let t = now();
    const codes = await Promise.all(Array.from({ length: n }, once));
    const shared = now() - t;
    const starts = readFileSync(
      path.join(stack.home, '.stigmer/data/logs/stigmer-server.log'),
      'utf8',
    )
      .split('\n')
      .filter((l) => /listening/i.test(l)).length;
    t = now();
    for (let i = 0; i < n; i++) await once();
    const sequential = now() - t;
    results.sections.sharing[n] = {
      sharedMs: round(shared),
      sequentialMs: round(sequential),
      ratio: round(sequential / shared, 1),
      failures: codes.filter((c) => c !== 0).length,
      startsInSharedRun: starts,
    };
    rows.push([
      `${n} runs`,
      `shared ${round(shared / 1000)} s`,
      `one after another ${round(sequential / 1000)} s`,
      `${round(sequential / shared, 1)}x`,
      `(${results.sections.sharing[n].failures} failed)`,
    ]);
  }
  table('Sharing one stack vs each run starting its own (wall time)', rows);
}

// 4. The action's pre: how long it blocks the step with a stack that takes 10 s to start, and
// what starting early saves on the job's critical path (steps in between: checkout, installs).
async function action() {
  const repo = path.resolve(here, '..');
  const launcher = path.join(scratch, 'action-bin');
  mkdirSync(launcher, { recursive: true });
  writeFileSync(
    path.join(launcher, 'stigmer'),
    `#!/bin/sh\nexec "${process.execPath}" "${emulatorBin}" "$@"\n`,
    { mode: 0o755 },
  );
  const inputs = {
    install: 'false',
    cache: 'false',
    version: 'latest',
    'github-token': '',
    timeout: '120',
    'on-unavailable': 'fail',
    stop: 'if-owned',
    'log-lines': '100',
    require: '',
    config: '',
    'download-url': '',
  };
  const OTHER_STEPS_MS = 6_000; // what checkout + dependency installs take between pre and main
  const job = async (name, withPre) => {
    const stack = await emulated(name, { startDelayMs: 10_000 });
    const env = {
      ...stack.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: path.join(stack.home, 'temp'),
      PATH: `${launcher}${path.delimiter}${process.env.PATH}`,
    };
    mkdirSync(env.RUNNER_TEMP, { recursive: true });
    let state = {};
    let pre = null;
    if (withPre) {
      pre = await runStage(repo, 'pre', { inputs, state, env });
      if (pre.code !== 0) throw new Error(`pre failed:\n${pre.output}`);
      state = pre.state;
      await sleep(OTHER_STEPS_MS);
    }
    const main = await runStage(repo, 'main', { inputs, state, env });
    if (main.code !== 0 || main.outputs.available !== 'true')
      throw new Error(`main failed:\n${main.output}`);
    await runStage(repo, 'post', { inputs, state: main.state, env });
    return { pre: pre?.ms ?? 0, main: main.ms };
  };
  const runs = [];
  for (let i = 0; i < 3; i++)
    runs.push({
      withPre: await job(`action-pre-${i}`, true),
      withoutPre: await job(`action-main-${i}`, false),
    });
  const preMs = median(runs.map((r) => r.withPre.pre));
  const criticalWith = median(runs.map((r) => r.withPre.pre + OTHER_STEPS_MS + r.withPre.main));
  const criticalWithout = median(runs.map((r) => OTHER_STEPS_MS + r.withoutPre.main));
  results.sections.action = {
    stackStartMs: 10_000,
    otherStepsMs: OTHER_STEPS_MS,
    preBlockingMs: round(preMs),
    mainWaitWithPreMs: round(median(runs.map((r) => r.withPre.main))),
    mainWaitWithoutPreMs: round(median(runs.map((r) => r.withoutPre.main))),
    savedMs: round(criticalWithout - criticalWith),
  };
  const a = results.sections.action;
  table('The action with a stack that takes 10 s to start (3 jobs each way, medians)', [
    ["pre's blocking time", `${a.preBlockingMs} ms`, 'target <= 1000'],
    ['main, after pre and 6 s of other steps', `${a.mainWaitWithPreMs} ms`],
    ['main without pre (uses: ./)', `${a.mainWaitWithoutPreMs} ms`],
    ['saved on the critical path by starting in pre', `${round(a.savedMs / 1000)} s`],
  ]);
}

// 5. Stop: from release to every port verified free, against the stack's own stop command (the
// same command, timed inside the release, and `stigmer server stop` run alone on a twin stack).
async function stop() {
  const ours = [];
  const overheads = [];
  const theirs = [];
  for (let i = 0; i < Math.min(RUNS, 8); i++) {
    const a = await emulated(`stop-a-${i}`);
    const handle = await ensureServer(a.profile());
    let t = now();
    const { stop: report } = await handle.release();
    const total = now() - t;
    ours.push(total);
    overheads.push(total - report.commandMs);
    const b = await emulated(`stop-b-${i}`);
    await b.stigmerCli('server');
    t = now();
    await b.stigmerCli('server', 'stop');
    theirs.push(now() - t);
  }
  results.sections.stop = {
    release: summary(ours),
    stopCommandAlone: summary(theirs),
    overheadPerRun: summary(overheads),
    overheadOfMedians: round(median(ours) - median(theirs)),
  };
  const r = results.sections.stop;
  table(
    'Stop: release (lock, stop command, identity check, ports verified free) vs the stop command',
    [
      ['release()', `${r.release.median} ms`],
      ['`stigmer server stop` alone (twin stack)', `${r.stopCommandAlone.median} ms`],
      [
        'overhead around the stop command, per run',
        `${r.overheadPerRun.median} ms`,
        `[${r.overheadPerRun.min}-${r.overheadPerRun.max}]`,
        'target <= 50',
      ],
    ],
  );
}

// 6. Memory: peak RSS of the CLI's warm run against node -e 0.
async function memory() {
  if (spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status !== 0) {
    console.log('\nMemory: skipped (/usr/bin/time not found; apt-get install time)');
    return;
  }
  const stack = await emulated('memory');
  await stack.stigmerCli('server');
  try {
    const peak = (argv) =>
      Number(
        spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], {
          env: stack.env,
          encoding: 'utf8',
        })
          .stderr.trim()
          .split('\n')
          .at(-1),
      );
    const cliKb = [];
    const nodeKb = [];
    for (let i = 0; i < 5; i++) {
      cliKb.push(peak([cli, 'run', '--', 'true']));
      nodeKb.push(peak(['-e', '0']));
    }
    // The one helper core leaves running: the watchdog of a stack it started.
    const owned = await emulated('memory-owned');
    const handle = await ensureServer(owned.profile());
    const state = JSON.parse(readFileSync(path.join(handle.stateDir, 'state.json'), 'utf8'));
    await sleep(3_000); // let it settle into its polling loop
    const status = readFileSync(`/proc/${state.owner.watchdog.pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]);
    const cpu = readFileSync(`/proc/${state.owner.watchdog.pid}/stat`, 'utf8')
      .split(') ')[1]
      .split(' ');
    const cpuMs = ((Number(cpu[11]) + Number(cpu[12])) * 1000) / 100; // utime + stime, 100 ticks/s
    await handle.release();
    results.sections.memory = {
      cliRunPeakMiB: round(median(cliKb) / 1024),
      nodeE0PeakMiB: round(median(nodeKb) / 1024),
      watchdogRssMiB: round(kib('VmRSS') / 1024),
      watchdogPeakMiB: round(kib('VmHWM') / 1024),
      watchdogCpuMsFirst3s: cpuMs,
    };
    table('Memory (peak RSS, median of 5)', [
      ['stigmer-e2e run -- true', `${results.sections.memory.cliRunPeakMiB} MiB`],
      ['node -e 0', `${results.sections.memory.nodeE0PeakMiB} MiB`],
      [
        'watchdog (only while a stack we started runs)',
        `${results.sections.memory.watchdogRssMiB} MiB RSS, peak ${results.sections.memory.watchdogPeakMiB} MiB, ${results.sections.memory.watchdogCpuMsFirst3s} ms CPU in its first 3 s`,
      ],
    ]);
  } finally {
    await stack.stigmerCli('server', 'stop').catch(() => {});
  }
}

// 7. Resource insight: what sampling the stack's CPU and memory costs the process holding the
// lease (issue target: under 1% CPU), 10 s holds with sampling off and on, interleaved.
async function usage() {
  const stack = await emulated('usage');
  await stack.stigmerCli('server');
  try {
    const profile = stack.profile();
    await (await ensureServer(profile)).release(); // warm up
    const cost = { off: [], on: [] };
    for (let i = 0; i < 3; i++) {
      for (const on of [false, true]) {
        const handle = await ensureServer(profile, { usage: on });
        const cpu = process.cpuUsage();
        const t = now();
        await sleep(10_000);
        await handle.release();
        const used = process.cpuUsage(cpu);
        cost[on ? 'on' : 'off'].push(((used.user + used.system) / 1000 / (now() - t)) * 100);
      }
    }
    results.sections.usage = {
      cpuPercentOff: round(median(cost.off), 3),
      cpuPercentOn: round(median(cost.on), 3),
      samplingCostPercent: round(median(cost.on) - median(cost.off), 3),
    };
    const u = results.sections.usage;
    table('Resource insight: CPU of the process holding a lease for 10 s (3 pairs, medians)', [
      ['sampling off', `${u.cpuPercentOff}%`],
      ['sampling on (4 processes, 1 sample/s)', `${u.cpuPercentOn}%`],
      ['cost of sampling', `${u.samplingCostPercent}% of one core`, 'target < 1'],
    ]);
  } finally {
    await stack.stigmerCli('server', 'stop').catch(() => {});
  }
}

// 9. A CI start with the Action's caches cold, then warm: a first job on a runner downloads
// Temporal and Ollama, pulls the model and the agent-runner image (knobs stand in for the
// download times: `cacheKnobs`), and post saves them; the next job on a fresh machine (same
// paths, nothing on it) restores them in pre. GitHub's cache service is the directory store.
// The CLI is the emulator on PATH (install: false: no release can be downloaded here), so its
// tools (~/.stigmer/bin), keyed by the CLI's version, are downloaded by both jobs.
const cacheKnobs = {
  temporalDownloadMs: 3_000,
  ollamaDownloadMs: 3_000,
  modelPullMs: 8_000,
  imagePullMs: 12_000,
  ollamaModels: [],
};
async function cache() {
  const repo = path.resolve(here, '..');
  const launcher = path.join(scratch, 'cache-bin');
  mkdirSync(launcher, { recursive: true });
  writeFileSync(
    path.join(launcher, 'stigmer'),
    `#!/bin/sh\nexec "${process.execPath}" "${emulatorBin}" "$@"\n`,
    { mode: 0o755 },
  );
  const inputs = {
    install: 'false',
    cache: 'true',
    version: 'latest',
    'github-token': '',
    timeout: '120',
    'on-unavailable': 'fail',
    stop: 'if-owned',
    'log-lines': '100',
    require: '',
    config: '',
    'download-url': '',
  };
  const job = async (name, cacheDir) => {
    const stack = await emulated(name, cacheKnobs);
    const env = {
      ...stack.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: path.join(stack.home, 'temp'),
      STIGMER_ACTION_CACHE_DIR: cacheDir,
      PATH: `${launcher}${path.delimiter}${stack.env.PATH}`,
    };
    mkdirSync(env.RUNNER_TEMP, { recursive: true });
    const pre = await runStage(repo, 'pre', { inputs, state: {}, env });
    if (pre.code !== 0) throw new Error(`pre failed:\n${pre.output}`);
    const main = await runStage(repo, 'main', { inputs, state: pre.state, env });
    if (main.code !== 0 || main.outputs.available !== 'true')
      throw new Error(`main failed:\n${main.output}`);
    const post = await runStage(repo, 'post', { inputs, state: main.state, env });
    if (post.code !== 0) throw new Error(`post failed:\n${post.output}`);
    return { start: pre.ms + main.ms, post: post.ms };
  };
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const cacheDir = path.join(scratch, `cache-store-${i}`);
    const cold = await job(`cache-${i}`, cacheDir);
    // The next job: the same paths on a fresh machine (an ephemeral runner), the cache filled.
    await stacks.pop().cleanup();
    rmSync(path.join(scratch, `cache-${i}`), { recursive: true, force: true });
    const warm = await job(`cache-${i}`, cacheDir);
    runs.push({ cold, warm });
  }
  const cold = median(runs.map((r) => r.cold.start));
  const warm = median(runs.map((r) => r.warm.start));
  results.sections.cache = {
    knobs: cacheKnobs,
    coldStartMs: round(cold),
    warmStartMs: round(warm),
    coldPostMs: round(median(runs.map((r) => r.cold.post))),
    warmPostMs: round(median(runs.map((r) => r.warm.post))),
    coldOverWarm: round(cold / warm, 2),
  };
  const r = results.sections.cache;
  table(
    `CI start (pre + main), Action caches cold vs warm (${runs.length} pairs; downloads stood in for by knobs: ${JSON.stringify(cacheKnobs)})`,
    [
      [
        'cold: downloads, model pull, image pull',
        `${r.coldStartMs} ms`,
        `post ${r.coldPostMs} ms (saves)`,
      ],
      ['warm: model and image restored in pre', `${r.warmStartMs} ms`, `post ${r.warmPostMs} ms`],
      ['cold / warm', `${r.coldOverWarm}x`],
    ],
  );
}

// 8. Install cost: the packed core installed into an empty project, from the registry with an
// empty npm cache (the dependencies' tarballs are downloaded, as on a fresh CI machine).
async function install() {
  const dir = path.join(scratch, 'install');
  mkdirSync(path.join(dir, 'project'), { recursive: true });
  const core = fileURLToPath(new URL('.', import.meta.resolve('@stigmer/e2e-core/package.json')));
  // pnpm packs as it publishes (catalog: and workspace: versions resolved); its prepack build
  // prints first, then the JSON.
  const packed = spawnSync('pnpm', ['pack', '--json', '--pack-destination', dir], {
    cwd: core,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`pnpm pack failed:\n${packed.stderr}`);
  const { filename } = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('\n{') + 1));
  const size = statSync(filename).size;
  writeFileSync(path.join(dir, 'project', 'package.json'), '{"private":true}');
  const t = now();
  const installed = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--cache', path.join(dir, 'cache'), filename],
    { cwd: path.join(dir, 'project'), encoding: 'utf8' },
  );
  const installMs = now() - t;
  if (installed.status !== 0) throw new Error(`npm install failed:\n${installed.stderr}`);
  const modules = path.join(dir, 'project', 'node_modules');
  const lock = JSON.parse(readFileSync(path.join(dir, 'project', 'package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages).filter((k) => k.startsWith('node_modules/')).length;
  const du = spawnSync('du', ['-sk', modules], { encoding: 'utf8' }).stdout.split('\t')[0];
  const direct = Object.keys(
    JSON.parse(readFileSync(path.join(core, 'package.json'))).dependencies,
  );
  results.sections.install = {
    directDependencies: direct,
    packages,
    installMs: round(installMs),
    nodeModulesMiB: round(Number(du) / 1024),
    tarballKiB: round(size / 1024),
  };
  const r = results.sections.install;
  table('Install: the packed core into an empty project, empty npm cache', [
    ['runtime dependencies (direct)', `${direct.length}: ${direct.join(', ')}`],
    ['packages installed (with theirs, core included)', `${packages}`],
    ['npm install', `${r.installMs} ms`],
    ['node_modules', `${r.nodeModulesMiB} MiB`],
    ['core tarball', `${r.tarballKiB} KiB`],
  ]);
}

const SECTIONS = { lag, warm, sharing, action, cache, stop, memory, usage, install };
console.log(
  `stigmer-e2e benchmarks: ${results.machine.cpus} x ${results.machine.model}, ${results.machine.memGiB} GiB, Node ${results.machine.node}`,
);
try {
  for (const [name, section] of Object.entries(SECTIONS)) if (only.has(name)) await section();
} finally {
  // `stigmer server stop`, then what a real stop leaves running on purpose (Temporal, Ollama).
  await Promise.all(stacks.map((stack) => stack.cleanup()));
  await sleep(200); // let the last servers we signalled finish writing
  rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
}
mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', 'latest.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
await sleep(0);
