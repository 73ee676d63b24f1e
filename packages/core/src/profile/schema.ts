/**
 * The schema of a server spec, and its problems as `path: what was expected, what was got`.
 * Validation collects every problem at once, so a user fixes a config in one go.
 */
import * as v from 'valibot';
import type { ProbeSpec } from './spec.js';

const PROBE_KINDS = ['tcp', 'http', 'grpc', 'pidFile', 'command', 'docker', 'anyOf'] as const;

const SIGNALS = [
  'SIGTERM',
  'SIGINT',
  'SIGQUIT',
  'SIGHUP',
  'SIGKILL',
  'SIGUSR1',
  'SIGUSR2',
] as const;

/** A strict object whose unknown-key message lists the keys it accepts. */
export function strict<T extends v.ObjectEntries>(entries: T) {
  const allowed = Object.keys(entries).join(', ');
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `unknown key ${issue.received}; expected one of: ${allowed}`
      : `expected an object, got ${issue.received}`,
  );
}

export const text = (what = 'a non-empty string') =>
  v.pipe(
    v.string((i) => `expected ${what}, got ${i.received}`),
    v.minLength(1, `expected ${what}, got an empty string`),
  );

const argv = v.pipe(
  v.array(text('a non-empty string'), (i) =>
    i.received.startsWith('"')
      ? `expected an array of arguments (argv, never run through a shell), got the string ${i.received}; write it as ["cmd", "arg", ...]`
      : `expected an array of arguments (argv), got ${i.received}`,
  ),
  v.minLength(1, 'expected a command, got an empty array'),
);

const hostPort = v.pipe(
  text('"host:port"'),
  v.regex(
    /^(\[[0-9a-fA-F:.]+\]|[^\s:/]+|[0-9a-fA-F:]*:[0-9a-fA-F:]+):\d{1,5}$/,
    (i) => `expected "host:port" (e.g. "localhost:7233" or "[::1]:7233"), got ${i.received}`,
  ),
);

export const positiveMs = v.pipe(
  v.number((i) => `expected milliseconds as a number, got ${i.received}`),
  v.integer('expected a whole number of milliseconds'),
  v.minValue(1, (i) => `expected a positive number of milliseconds, got ${i.received}`),
);

export const env = v.record(
  v.string(),
  v.string((i) => `expected a string value, got ${i.received}`),
  (i) => `expected an object of NAME: "value" strings, got ${i.received}`,
);

const logSource = v.union(
  [text('a path'), strict({ command: argv })],
  'expected a path or { command: [...] }',
);

const statusCode = v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599));

const probeSchemas: Record<(typeof PROBE_KINDS)[number], v.GenericSchema<unknown>> = {
  tcp: strict({ tcp: hostPort }),
  http: strict({
    http: v.pipe(
      text('an http:// or https:// URL'),
      v.url((i) => `expected an http:// or https:// URL, got ${i.received}`),
    ),
    status: v.optional(
      v.union(
        [statusCode, v.tuple([statusCode, statusCode])],
        'expected a status code or a [min, max] range between 100 and 599',
      ),
    ),
  }),
  grpc: strict({ grpc: hostPort, service: v.optional(v.string()) }),
  pidFile: strict({ pidFile: text('a path') }),
  command: strict({ command: argv, timeoutMs: v.optional(positiveMs) }),
  docker: strict({ docker: text('a container name or id') }),
  anyOf: strict({
    anyOf: v.pipe(v.array(v.lazy(() => probe)), v.minLength(1, 'expected at least one probe')),
  }),
};

const probe: v.GenericSchema<ProbeSpec> = v.lazy((input) => {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const kind = PROBE_KINDS.find((k) => k in input);
    if (kind) return probeSchemas[kind] as v.GenericSchema<ProbeSpec>;
  }
  return v.custom<ProbeSpec>(() => false, `expected one of ${PROBE_KINDS.join(', ')}`);
});

const component = strict({
  name: text('a component name'),
  required: v.optional(v.boolean((i) => `expected true or false, got ${i.received}`)),
  probe,
  pidFile: v.optional(text('a path')),
});

export const serverSpecSchema = strict({
  name: v.pipe(
    text('a name'),
    v.regex(
      /^[A-Za-z0-9][\w.-]*$/,
      'expected letters, digits, ".", "_" or "-" (it names the state dir)',
    ),
  ),
  stateDir: v.optional(text('a path')),
  start: v.optional(
    strict({
      command: argv,
      mode: v.picklist(
        ['daemon', 'process'],
        (i) => `expected "daemon" or "process", got ${i.received}`,
      ),
      awaitExit: v.optional(v.boolean((i) => `expected true or false, got ${i.received}`)),
      toleratesLeftovers: v.optional(v.boolean((i) => `expected true or false, got ${i.received}`)),
      knownFailures: v.optional(
        v.array(
          strict({
            match: v.pipe(
              text('a regular expression'),
              v.check((source) => {
                try {
                  new RegExp(source);
                  return true;
                } catch {
                  return false;
                }
              }, 'expected a valid regular expression'),
            ),
            reason: text('the reason to give, with the fix'),
            fix: v.optional(
              strict({
                command: argv,
                doing: text('what the fix does, e.g. "pulling the model"'),
                timeoutMs: v.optional(positiveMs),
              }),
            ),
          }),
        ),
      ),
      cwd: v.optional(text('a path')),
      env: v.optional(env),
    }),
  ),
  stop: v.optional(
    strict({
      command: v.optional(argv),
      signal: v.optional(
        v.picklist(SIGNALS, (i) => `expected one of ${SIGNALS.join(', ')}, got ${i.received}`),
      ),
      timeoutMs: v.optional(positiveMs),
      spare: v.optional(v.array(text('a path'))),
    }),
  ),
  components: v.pipe(
    v.array(component, (i) => `expected an array of components, got ${i.received}`),
    v.minLength(1, 'expected at least one component'),
  ),
  logs: v.optional(
    v.record(
      v.string(),
      v.union(
        [logSource, v.array(logSource)],
        'expected a path, { command: [...] }, or an array of those',
      ),
    ),
  ),
  env: v.optional(env),
  readyTimeoutMs: v.optional(positiveMs),
  startedWith: v.optional(strict({ component: text('a component name'), env })),
});

/** Formats one issue as `components[1].probe: expected ...`. */
export function formatIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? [])
    .map((item, index) => {
      const key = item.key as string | number;
      return typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`;
    })
    .join('');
  return path ? `${path}: ${issue.message}` : issue.message;
}
