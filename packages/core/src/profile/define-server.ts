import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { ProfileError } from '../errors.js';
import {
  DEFAULT_READY_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  type Profile,
  sealProfile,
} from './profile.js';
import { crossFieldProblems } from './rules.js';
import { formatIssue, serverSpecSchema } from './schema.js';
import type { ProbeSpec, ServerSpec } from './spec.js';
import { defaultStateDir } from './state-dir.js';

export interface DefineServerOptions {
  /**
   * Directory that relative paths are resolved against (a config file's directory). Without it,
   * relative paths are an error: in code, nothing says what they would be relative to.
   */
  baseDir?: string;
  /** Where the spec came from, for error messages (e.g. the config file's path). */
  source?: string;
}

/**
 * Validates a server spec and returns the profile core works with.
 * Throws a `ProfileError` listing every problem, each with its path.
 *
 * @example
 * const postgres = defineServer({
 *   name: 'postgres',
 *   start: { command: ['pg_ctl', '-D', dataDir, '-l', logFile, 'start', '-w'], mode: 'daemon' },
 *   stop: { command: ['pg_ctl', '-D', dataDir, 'stop', '-m', 'fast'] },
 *   components: [{ name: 'postgres', probe: { tcp: '127.0.0.1:5432' } }],
 *   logs: { postgres: logFile },
 *   env: { PGHOST: '127.0.0.1', PGPORT: '5432' },
 * });
 */
export function defineServer(spec: ServerSpec, options: DefineServerOptions = {}): Profile {
  const source = options.source ? ` in ${options.source}` : '';
  const parsed = v.safeParse(serverSpecSchema, spec, { abortEarly: false });
  const invalid = [
    ...(parsed.success ? [] : parsed.issues.map(formatIssue)),
    ...crossFieldProblems(spec),
  ];
  if (!parsed.success || invalid.length > 0)
    throw new ProfileError(`Invalid server spec${source}:`, invalid);
  const problems: string[] = [];
  const absolute = (value: string, where: string): string => {
    const expanded =
      value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
    if (path.isAbsolute(expanded)) return path.normalize(expanded);
    if (options.baseDir) return path.resolve(options.baseDir, expanded);
    problems.push(
      `${where}: expected an absolute path, got "${value}"; build it with path.join(import.meta.dirname, ...) or start it with ~/`,
    );
    return expanded;
  };
  const s = parsed.output as ServerSpec;
  const resolveProbe = (probe: ProbeSpec, where: string): ProbeSpec => {
    if ('pidFile' in probe) return { pidFile: absolute(probe.pidFile, `${where}.pidFile`) };
    if ('anyOf' in probe)
      return { anyOf: probe.anyOf.map((p, i) => resolveProbe(p, `${where}.anyOf[${i}]`)) };
    return probe;
  };

  const profile: Profile = {
    name: s.name,
    stateDir: s.stateDir ? absolute(s.stateDir, 'stateDir') : defaultStateDir(s.name),
    start: s.start
      ? { ...s.start, ...(s.start.cwd ? { cwd: absolute(s.start.cwd, 'start.cwd') } : {}) }
      : null,
    stop: {
      command: s.stop?.command ?? null,
      signal: s.stop?.signal ?? 'SIGTERM',
      timeoutMs: s.stop?.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      ...(s.stop?.spare
        ? { spare: s.stop.spare.map((f, i) => absolute(f, `stop.spare[${i}]`)) }
        : {}),
    },
    components: s.components.map((c, i) => ({
      name: c.name,
      required: c.required ?? true,
      probe: resolveProbe(c.probe, `components[${i}].probe`),
      pidFile: c.pidFile ? absolute(c.pidFile, `components[${i}].pidFile`) : null,
    })),
    logs: Object.fromEntries(
      Object.entries(s.logs ?? {}).map(([name, sources]) => [
        name,
        (Array.isArray(sources) ? sources : [sources]).map((source, i) =>
          typeof source === 'string'
            ? absolute(source, `logs.${name}${Array.isArray(sources) ? `[${i}]` : ''}`)
            : { command: [...source.command] },
        ),
      ]),
    ),
    env: { ...(s.env ?? {}) },
    readyTimeoutMs: s.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    startedWith: s.startedWith ?? null,
  };
  if (problems.length > 0) throw new ProfileError(`Invalid server spec${source}:`, problems);
  return sealProfile(profile);
}
