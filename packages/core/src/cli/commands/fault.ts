import { NotRecoveredError, UsageError } from '../../errors.js';
import { type Faults, faults } from '../../fault/faults.js';
import type { FaultRecord } from '../../fault/inject.js';
import type { Recovery } from '../../fault/recovery.js';
import { describeTarget } from '../../fault/target.js';
import { isGroup } from '../../group/group.js';
import { formatSeconds } from '../../report/words.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit.js';
import { PROFILE_FLAGS, profileFlags, seconds } from '../shared-flags.js';

const FAULTS = ['kill', 'stop', 'pause'] as const;
type Kind = (typeof FAULTS)[number];

export default defineCommand({
  name: 'fault',
  summary: 'Break one component on purpose (kill, stop, pause) and time its recovery.',
  usage: '<kill|stop|pause> <component> [options]',
  description:
    'Injects a fault into one component of a stack stigmer-e2e started, by its identity (pid\n' +
    'file, the process on its port, its Docker container), never anything else:\n' +
    '  kill   SIGKILL (a container: docker kill)\n' +
    '  stop   SIGTERM, then SIGKILL after the stop timeout (a container: docker stop)\n' +
    '  pause  SIGSTOP for --for seconds (a container: docker pause); a detached resumer\n' +
    '         resumes it then, whatever happens to this command.\n' +
    'With --wait: waits until the stack brought it back and its probe says ready, and prints\n' +
    'the recovery timeline (went down, back, ready). A stack that was already running is\n' +
    'refused unless --allow-reused; an external one always.',
  flags: {
    for: { type: 'string', value: '<seconds>', help: 'pause: how long (required).' },
    wait: {
      type: 'boolean',
      help: 'Wait for the recovery and print its timeline (exit 1 if it does not\ncome back within --timeout). pause: Ctrl-C resumes at once.',
    },
    timeout: {
      type: 'string',
      value: '<seconds>',
      help: 'With --wait: how long to wait for the recovery (default 60).',
    },
    'stop-timeout': {
      type: 'string',
      value: '<seconds>',
      help: "stop: SIGTERM to SIGKILL (default: the profile's stop timeout).",
    },
    'allow-reused': {
      type: 'boolean',
      help: 'Also on a stack stigmer-e2e did not start (someone’s own session).',
    },
    ...PROFILE_FLAGS,
    json: { type: 'boolean', help: 'Print the fault and the recovery timeline as JSON.' },
  },
  takesArguments: true,
  examples: [
    'stigmer-e2e fault kill workflow-runner --wait',
    'stigmer-e2e fault pause temporal --for 3 --wait --json',
    'stigmer-e2e fault stop agent-runner',
  ],
  async run({ values, args, out }) {
    const [kind, component, ...extra] = args;
    if (!kind || !FAULTS.includes(kind as Kind))
      throw new UsageError(
        `fault needs one of ${FAULTS.join(', ')} first, got ${kind ? `"${kind}"` : 'nothing'}`,
      );
    if (!component || extra.length > 0)
      throw new UsageError('fault needs exactly one component, e.g. `fault kill workflow-runner`');
    const forMs = seconds(values.for, 'for');
    if (kind === 'pause' && forMs === undefined)
      throw new UsageError('fault pause needs --for <seconds>: a pause always ends');
    if (kind !== 'pause' && forMs !== undefined)
      throw new UsageError('--for applies to pause only');
    const target = await profileFlags(values);
    if (isGroup(target))
      throw new UsageError(
        'fault works on one stack: give --config the member profile whose component to fault',
      );
    const allowReused = values['allow-reused'] === true;
    const stack = faults(target, { allowReused });
    const fault = await inject(stack, kind as Kind, component, {
      forMs: forMs ?? 0,
      stopTimeoutMs: seconds(values['stop-timeout'], 'stop-timeout'),
      // Bound to this process only while it waits: without --wait it exits now.
      holdPause: values.wait === true,
    });
    if (!values.json) out.result(describeFault(fault));
    if (!values.wait) {
      if (values.json) out.json({ fault, recovery: null });
      return EXIT.ok;
    }
    const timeoutMs = seconds(values.timeout, 'timeout') ?? 60_000;
    let recovery: Recovery;
    try {
      recovery = await out.waiting((signal) =>
        stack.waitReady(component, { timeoutMs, signal }).finally(async () => {
          if (signal.aborted) await stack.resumeAll();
        }),
      );
    } catch (error) {
      if (!(error instanceof NotRecoveredError)) throw error;
      if (values.json) out.json({ fault, recovery: error.recovery });
      else out.result(error.message);
      return EXIT.error;
    }
    if (values.json) out.json({ fault, recovery });
    else out.result(describeRecovery(recovery));
    return EXIT.ok;
  },
});

function inject(
  stack: Faults,
  kind: Kind,
  component: string,
  options: { forMs: number; stopTimeoutMs: number | undefined; holdPause: boolean },
): Promise<FaultRecord> {
  if (kind === 'kill') return stack.kill(component);
  if (kind === 'stop')
    return stack.stop(
      component,
      options.stopTimeoutMs === undefined ? {} : { timeoutMs: options.stopTimeoutMs },
    );
  return stack.pause(component, {
    forMs: options.forMs,
    ...(options.holdPause ? {} : { holder: null }),
  });
}

function describeFault(fault: FaultRecord): string {
  const until =
    fault.resumeAt !== null
      ? `, resumed at ${new Date(fault.resumeAt).toISOString()} at the latest`
      : '';
  return `${fault.fault}: ${fault.component}, ${describeTarget(fault.target)}: ${fault.steps.join('; ')}${until}`;
}

function describeRecovery(r: Recovery): string {
  const after =
    r.after &&
    r.before &&
    r.after.kind === 'process' &&
    r.before.kind === 'process' &&
    r.after.pid !== r.before.pid
      ? ` as pid ${r.after.pid}`
      : '';
  const ms = (v: number | null) => (v === null ? '?' : formatSeconds(v));
  return `${r.component} back after ${ms(r.downMs)}${after}, ready ${ms(r.probeMs)} later: recovered in ${ms(r.recoveryMs)}`;
}
