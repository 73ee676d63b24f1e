#!/usr/bin/env node
// docs/reliability.md from the last test run: each fault of the fault matrix, what is expected,
// and what the tests that make that fault (real processes, files and signals) observed.
// Usage: node scripts/reliability.mjs          write docs/reliability.md from the last `pnpm test`
//        node scripts/reliability.mjs --check  fail unless every fault has tests, all passed
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PACKAGES = {
  core: 'packages/core',
  action: 'packages/action',
  vitest: 'packages/vitest-adapter',
  'any-runner': 'examples/any-runner',
};

/** Each fault, what is expected, and the tests (package, title pattern) that make it happen. */
const FAULTS = [
  {
    fault: 'the owner is SIGKILLed in the middle of a run',
    expected:
      'no leak: the next run adopts and stops it, or the watchdog stops it after a grace period',
    tests: [
      ['core', /the owner is SIGKILLed: the next run adopts/],
      ['core', /stops the stack once every holder died without releasing/],
      ['vitest', /SIGINT|interrupt/i],
    ],
  },
  {
    fault: 'a reuser is SIGKILLed',
    expected: 'the stack is untouched',
    tests: [['core', /a reuser is SIGKILLed/]],
  },
  {
    fault: '32 processes x 10 up/down cycles each',
    expected: 'never two starts, never a stop while a lease lives, a clean state dir at the end',
    tests: [
      ['core', /32 processes x 10 up\/down cycles/],
      ['core', /12 processes at once/],
    ],
  },
  {
    fault: 'pid reuse: a lease names a live unrelated process',
    expected: 'treated as dead; that process is never signalled',
    tests: [
      ['core', /a lease naming a live unrelated process/],
      ['core', /an owner record naming a reused pid/],
      ['core', /treats a live pid with another start time/],
    ],
  },
  {
    fault: 'the stack ignores SIGTERM / the stop command hangs',
    expected: 'escalation to SIGKILL, ports verified free, reported',
    tests: [
      ['core', /a stack that ignores SIGTERM/],
      ['core', /a hung stop command is killed/],
      ['core', /a child that left the process group/],
    ],
  },
  {
    fault: 'the start command fails, exits non-zero, or never becomes ready',
    expected: "unavailable with each component's log tail; whatever we started is stopped",
    tests: [
      ['core', /fails to start: unavailable at once/],
      ['core', /times out: unavailable naming the component/],
      ['core', /Temporal never ready after a start/],
      ['core', /stigmer-server failing after `stigmer server` returned 0: unavailable at once/],
      ['core', /a crash right after the start returned/],
      ['action', /fail \(the default\): main fails with the reason and each log tail/],
      ['core', /a start command spawning components in sessions of their own/],
    ],
  },
  {
    fault: 'a required component is down (Temporal)',
    expected: 'unavailable, naming the component; nothing touched',
    tests: [
      ['core', /running with Temporal down \(not ours\)/],
      ['core', /a required component down, not ours/],
    ],
  },
  {
    fault: 'the port is held by a foreign process that is not the stack',
    expected:
      'not mistaken for the stack where identity can be checked; a message that names the pid holding the port',
    tests: [
      ['core', /a port held by a process that is not the stack/],
      ['core', /a port already taken by a program that is not ready/],
    ],
  },
  {
    fault:
      'a stale lock left by a dead process; truncated or corrupt state files; a state dir that is not writable',
    expected: 'recovered, or a clear error naming the path and the fix',
    tests: [
      ['core', /breaks a lock whose holder is dead/],
      ['core', /waits for an unreadable lock while it is fresh/],
      ['core', /recovers from a .* file, keeping it aside/],
      ['core', /names the path and the fix when the state dir cannot be used/],
    ],
  },
  {
    fault: 'a lock or lease holder that is a zombie (its parent never reaps it)',
    expected: 'dead: its lock is broken and its lease reaped',
    tests: [['core', /a zombie is dead/]],
  },
  {
    fault: 'two runs break a stale lock while a third has just taken it',
    expected: 'only the lock judged stale is deleted: the third keeps it',
    tests: [['core', /two breakers that judged a lock stale never break the lock/]],
  },
  {
    fault: 'a file system without hard links (link fails with EPERM), and a holder SIGKILLed',
    expected: 'the next run breaks the stale lock and gets it',
    tests: [
      ['core', /without hard links \(link fails with EPERM\)/],
      ['core', /two breakers .*\(no hard links\)/],
    ],
  },
  {
    fault:
      'process identity read in two time zones (macOS `ps -o lstart`), or not readable (ps failing, EMFILE on /proc)',
    expected:
      'the same identity for every process; "could not check" is never "dead": no lock broken, no lease reaped',
    tests: [
      ['core', /macOS identity is time-zone free/],
      ['core', /could not check is not dead/],
    ],
  },
  {
    fault: 'a self-hosted runner cleans up the job (processes carrying its RUNNER_TRACKING_ID)',
    expected: 'nothing core started carries it, so a stack kept for another job survives',
    tests: [['core', /started processes do not carry the job's RUNNER_TRACKING_ID/]],
  },
  {
    fault: 'a variable the profile unsets (TEMPORAL_SERVICE_ADDRESS) is set in the caller',
    expected: "unset in every stop command, the watchdog's too",
    tests: [['core', /a stop command runs without the variables the profile unsets/]],
  },
  {
    fault: 'a wrapper start command (sh, npm) exits or is killed while its server runs',
    expected: 'the stop reaches what it left in its group, by identity: nothing left running',
    tests: [
      ['core', /a wrapper killed while its server runs/],
      ['core', /a wrapper that exits once its server runs/],
    ],
  },
  {
    fault:
      "a stop command, command probe or `docker inspect` whose child keeps the command's output open",
    expected:
      'it ends within its bound, the lock is released for the next run, the child is stopped',
    tests: [
      ['core', /a stop command leaving a child with its output/],
      ['core', /a command probe leaving a child with its output/],
      ['core', /a command probe that hangs, its child too/],
      ['core', /docker inspect leaving a child with its output/],
    ],
  },
  {
    fault:
      'a probe or port check connects to a closed port in the ephemeral range (a self-connection)',
    expected: 'never taken for a server; the port stays free for the real one',
    tests: [
      ['core', /rejects a connection to itself/],
      ['core', /a loop of probes to a closed ephemeral port never says ready/],
    ],
  },
  {
    fault:
      'the owner dies while another run holds a lease, or a run takes one while the watchdog waits for the lock',
    expected: 'the watchdog leaves the stack running',
    tests: [
      ['core', /leaves the stack alone while another run holds a lease/],
      ['core', /checks again under the lock/],
    ],
  },
  {
    fault:
      "a stale pid file names an unrelated process (the user's editor) when a started stack is ready",
    expected: 'never recorded as ours, never signalled; the stop report names it as left alone',
    tests: [['core', /a stale pid file naming an unrelated process/]],
  },
  {
    fault:
      'the starting run is SIGKILLed right after launching the start command, before recording it',
    expected:
      'the next run finds what it launched by its launch id and stops it: no server runs on as foreign',
    tests: [['core', /the starting run SIGKILLed right after launching the start command/]],
  },
  {
    fault: '`stigmer-e2e up` is SIGKILLed (a CI timeout) before it printed its lease',
    expected:
      'its lease dies with it (bound to the up process until the handle is out); the watchdog stops the stack',
    tests: [
      ['core', /up SIGKILLed before it printed its lease/],
      ['core', /up --holder-pid: the lease lives and dies with that process/],
    ],
  },
  {
    fault: 'the run a joiner waits for dies mid-start, and the start then fails',
    expected:
      'the joiner notices at once, takes the start over and says why it failed (no waiting out the timeout)',
    tests: [['core', /joiners notice at once that the run starting the stack died/]],
  },
  {
    fault: 'a restart for other settings (another model) while another run joins',
    expected:
      'decided under the lock: restarted only when nobody else uses it, never leaving the caller without a lease',
    tests: [
      ['core', /other settings, ours, nobody else uses it: restarted/],
      ['core', /other settings, ours, others use it/],
      ['core', /a stack we started with another model, that nobody uses any more, is restarted/],
    ],
  },
  {
    fault:
      'a daemon whose port opens before its start command returns (`pg_ctl start -w`), or that exits non-zero after',
    expected:
      'not ready until the start command returned 0; a non-zero exit is a failed start, stopped',
    tests: [
      ['core', /daemon mode: not ready while the start command still runs/],
      ['core', /daemon mode: a start command that exits non-zero after the port opened/],
    ],
  },
  {
    fault:
      'the real Stigmer: `stigmer server` returns before :7234 opens; agent-runner is a Docker container',
    expected:
      'the start is waited for, not failed; agent-runner probed as the container, and gone after the stop',
    tests: [
      ['core', /`stigmer server` returns before :7234 opens/],
      ['core', /require agent-runner: the container is probed/],
    ],
  },
  {
    fault:
      'the real Stigmer: the supervisor restarts workflow-runner; `stigmer server stop` leaves Temporal running',
    expected:
      'the restarted workflow-runner is still ours and stopped; the Temporal we started is stopped too; Ollama is spared',
    tests: [['core', /a workflow-runner the supervisor restarted is still ours/]],
  },
  {
    fault: 'the real Stigmer: Temporal left alone by a `stigmer server stop` by hand',
    expected:
      'after a short settle the stack is started on it (as the CLI does); that Temporal is left as found',
    tests: [['core', /Temporal left alone by a `stigmer server stop` by hand/]],
  },
  {
    fault:
      'the real Stigmer: no model in Ollama, or anthropic/openai without its API key and no terminal',
    expected:
      'the model is pulled with progress and the stack started; a missing key is told at once, naming the variable',
    tests: [
      ['core', /no model in Ollama: pulled with `stigmer server llm pull`/],
      ['core', /no model and pullModel: false: unavailable at once/],
      ['core', /anthropic without ANTHROPIC_API_KEY and no terminal/],
    ],
  },
  {
    fault: 'leases of dead holders in the state file',
    expected: 'reaped, and never written back',
    tests: [['core', /are not written back to the state file/]],
  },
  {
    fault: 'bad config: unknown keys, wrong types, empty command, relative paths',
    expected: 'every problem listed at once, with its path',
    tests: [
      ['core', /lists every problem at once, each with its path/],
      ['core', /rejects relative paths in code/],
      ['core', /a bad config file: every problem listed at once/],
    ],
  },
  {
    fault: 'Ctrl-C during `stigmer-e2e run`',
    expected: 'passed to the command; the lease released; the stack stopped if owned',
    tests: [
      ['core', /run: Ctrl-C reaches the command/],
      ['any-runner', /Ctrl-C to stigmer-e2e: Python gets KeyboardInterrupt/],
      ['any-runner', /Ctrl-C in a terminal \(SIGINT to the whole process group\)/],
      ['any-runner', /Ctrl-C to stigmer-e2e reaches the test binary that go test runs/],
    ],
  },
  {
    fault:
      'action: post with partial or no state; a job cancelled between main and post; the action used twice in one job',
    expected: 'post never fails the job and stops exactly what this use of the action owns',
    tests: [
      ['action', /main skipped \(job cancelled or an earlier step failed\)/],
      ['action', /post with no state at all/],
      ['action', /used twice in one job/],
    ],
  },
  {
    fault: 'secrets in the environment (ANTHROPIC_API_KEY, OPENAI_API_KEY)',
    expected: 'never printed in logs, outputs, the job summary or error messages',
    tests: [
      ['action', /secrets in the environment are masked/],
      ['core', /masks the values of secret-looking variables/],
      ['core', /names missing files and masks secrets/],
    ],
  },
  {
    fault:
      'a secret under any secret-looking name (*_KEY, *_TOKEN, *_SECRET, *PASSWORD, *_PASSWD, *_CREDENTIALS), inside another value, or in a profile env',
    expected:
      "one policy, core's: registered with the runner and replaced by *** in the Action's logs, outputs and summary, and in the Vitest adapter's log, reason and report",
    tests: [
      ['core', /is a secret name/],
      ['core', /is not a secret name/],
      ['core', /a multi-line secret is masked line by line/],
      ['action', /secrets in the environment are masked/],
      ['action', /a secret in the profile's env is masked/],
      ['vitest', /a secret in the environment is masked in the reason, the log and the report/],
    ],
  },
  {
    fault: 'a release archive whose checksum does not match',
    expected: 'install refused, nothing placed on PATH',
    tests: [
      ['action', /a checksum mismatch is refused/],
      ['action', /a missing checksum file is refused too/],
    ],
  },
  {
    fault:
      'a tampered CLI in the tool cache (binary replaced, a program added, the archive replaced) or a poisoned Actions cache entry; a cache key blind to `download-url`',
    expected:
      'checked against the release checksum before use: refused and removed, nothing on PATH; the key holds the URL and the checksum',
    tests: [
      ['action', /a tool-cache copy \(persistent on a self-hosted runner\) with/],
      ['action', /a poisoned Actions cache entry is refused/],
      ['action', /the CLI archive by version, os, arch, download URL/],
    ],
  },
  {
    fault:
      "the Action's job outlives a fixed lease TTL (self-hosted jobs run for days), or ends without post (the runner crashed)",
    expected:
      "the lease is bound to the job's Runner.Worker: it lives exactly as long as the job, and the watchdog stops an owned stack once the job is gone; without a Runner.Worker (act), an explicit lease with a TTL and a warning",
    tests: [
      ['action', /bound to the job's Runner\.Worker: when the runner dies without post/],
      ['action', /no Runner\.Worker above the step/],
    ],
  },
  {
    fault: 'a download URL that is not https (other than loopback)',
    expected: 'refused with a clear error',
    tests: [['action', /plain http to a host that is not loopback is refused/]],
  },
  {
    fault: 'a config value with shell syntax (`; rm -rf ~`)',
    expected: 'passed as one literal argument, never through a shell',
    tests: [
      ['core', /a shell-looking argument reaches the command as one literal argument/],
      ['core', /keeps a shell-looking argument as one literal argument/],
    ],
  },
  {
    fault:
      'a test pauses a component (SIGSTOP, docker pause) and then dies, is interrupted or releases early',
    expected:
      "resumed by identity: by the detached resumer once the pausing process is dead (or at the pause's end), by the release, by Ctrl-C of `stigmer-e2e fault --wait`, and before any stop",
    tests: [
      ['core', /the caller SIGKILLed mid-pause/],
      ['core', /release resumes a pause at once/],
      ['core', /then Ctrl-C: resumed at once/],
    ],
  },
  {
    fault:
      'a fault aimed at a stack stigmer-e2e did not start, at an external one, or at a pid file naming another program',
    expected: 'refused with a typed error and its fix; nothing is signalled',
    tests: [
      ['core', /refused: a stack that was already running/],
      ['core', /refused, nothing signalled/],
    ],
  },
  {
    fault: 'state files',
    expected: 'created 0600 in a 0700 dir',
    tests: [['core', /creates the dir 0700 and the file 0600/]],
  },
];

function loadReport(pkg) {
  const file = path.join(root, PACKAGES[pkg], '.test-results', 'vitest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')).testResults.flatMap((f) => f.assertionResults);
  } catch {
    throw new Error(
      `No test report at ${file}: run \`pnpm test\` first (it writes one per package).`,
    );
  }
}

const reports = Object.fromEntries(Object.keys(PACKAGES).map((pkg) => [pkg, loadReport(pkg)]));
const platform = `${os.platform()} ${os.release()} (${os.arch()}), Node ${process.version}`;
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
} catch {}

const problems = [];
const rows = FAULTS.map(({ fault, expected, tests }) => {
  const found = tests.flatMap(([pkg, pattern]) =>
    reports[pkg].filter((t) => pattern.test(t.title)).map((t) => ({ pkg, ...t })),
  );
  const missing = tests.filter(
    ([pkg, pattern]) => !reports[pkg].some((t) => pattern.test(t.title)),
  );
  const failed = found.filter((t) => t.status !== 'passed');
  let observed;
  if (found.length === 0) observed = '**no test ran**';
  else if (failed.length > 0) observed = `**FAILED**: ${failed.map((t) => t.title).join('; ')}`;
  else observed = `as expected (${found.length} test${found.length === 1 ? '' : 's'})`;
  if (found.length === 0 || failed.length > 0 || missing.length > 0) {
    problems.push(
      `${fault}: ${observed}${missing.length ? `; no test matches ${missing.map(([p, r]) => `${p} ${r}`).join(', ')}` : ''}`,
    );
  }
  const names = found.map((t) => `${t.pkg}: ${t.title}`).join('<br>');
  return `| ${fault} | ${expected} | ${observed} | ${names} |`;
});

if (process.argv.includes('--check')) {
  if (problems.length > 0) {
    console.error(
      `reliability: the fault matrix is not fully observed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`reliability: all ${FAULTS.length} faults observed as expected on ${platform}.`);
} else {
  const doc = `# Reliability: the fault matrix

Each fault below is made for real by the tests named beside it (real processes, files, ports and
signals), and this table is regenerated from the last test run by \`node scripts/reliability.mjs\`
(\`--check\` in CI fails unless every fault was observed as expected).

Observed on: ${platform}, commit ${commit}, ${new Date().toISOString().slice(0, 10)}.
Only Linux has been observed here. The macOS paths (process start time from \`ps -o lstart\`,
read in UTC) are forced on Linux by a preload in some tests (procps \`ps\` answers them); on
macOS itself, and on Windows (PowerShell, \`taskkill /T /F\` instead of process groups),
the \`portable\` job of \`.github/workflows/ci.yml\` runs \`packages/core/test/process.test.ts\`
(identity, verified signals, tree termination) and the unit tests there, which no machine of
this project has run yet. Windows is not supported for started stacks (the Stigmer release has
no Windows build). The rows above need the Linux-only helpers of the integration suites (/proc),
so they are observed on Linux only.

| fault | expected | observed (${os.platform()}) | tests |
|---|---|---|---|
${rows.join('\n')}
`;
  // Written as `biome ci` wants it (Biome formats Markdown tables).
  const file = path.join(root, 'docs', 'reliability.md');
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  const formatted = spawnSync(biome, ['format', `--stdin-file-path=${file}`], {
    input: doc,
    encoding: 'utf8',
  });
  writeFileSync(file, formatted.status === 0 ? formatted.stdout : doc);
  console.log(
    `Wrote docs/reliability.md (${FAULTS.length} faults${problems.length ? `, ${problems.length} not as expected` : ''}).`,
  );
}
