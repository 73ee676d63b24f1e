/**
 * The Stigmer stack as the real `stigmer` CLI runs it (see docs/stigmer-cli.md): stigmer-server
 * on :7234, managed Temporal on :7233, workflow-runner and agent-runner, started by
 * `stigmer server` (a daemon: it returns once up) and stopped by `stigmer server stop`.
 * Built directly, without the schema: only the options are checked.
 */
import os from 'node:os';
import path from 'node:path';
import { ProfileError } from '../errors.js';
import type { Component, Profile } from './profile.js';
import { sealProfile } from './profile.js';

export interface StigmerOptions {
  /** The `stigmer` binary. Default: $STIGMER_E2E_BIN, else `stigmer` on PATH. */
  bin?: string;
  /** The home whose ~/.stigmer the stack lives in (HOME of the CLI). Default: the user's home. */
  home?: string;
  /**
   * Components that must be ready besides stigmer-server (always required).
   * Default: temporal and workflow-runner.
   */
  require?: Array<'temporal' | 'workflow-runner' | 'agent-runner'>;
  /** Default: $STIGMER_SERVER_ADDR, else localhost:7234 (hard-coded in the real server). */
  serverAddress?: string;
  /** Default: $TEMPORAL_ADDRESS, else localhost:7233. */
  temporalAddress?: string;
  /**
   * Temporal runs elsewhere (at `temporalAddress`): the CLI is given TEMPORAL_SERVICE_ADDRESS and
   * does not start its managed Temporal. Default false. Without it, a TEMPORAL_SERVICE_ADDRESS
   * inherited from the environment (e.g. exported by an earlier run for its tests) is not passed
   * to the CLI, which would otherwise skip starting Temporal.
   */
  externalTemporal?: boolean;
  /** How agent-runner runs: a binary with a pid file (default) or the Docker container `stigmer-agent-runner`. */
  agentRunner?: 'binary' | 'docker';
  /**
   * The LLM the stack runs with, passed to the CLI as STIGMER_LLM_PROVIDER, STIGMER_LLM_MODEL and
   * STIGMER_LLM_BASE_URL (which override its config file). Defaults: those variables in this
   * process's environment. A running stack started with another model is reported (`mismatch`).
   */
  llm?: { provider?: string; model?: string; baseUrl?: string };
  /** Extra environment for the `stigmer` CLI. */
  env?: Record<string, string>;
  /** A stack someone else runs (a shared staging stack): only probed, never started or stopped. */
  external?: boolean;
  /** Where leases and ownership live. Default: <home>/.stigmer/e2e. */
  stateDir?: string;
  /** Default 180 s: a first start downloads Temporal and a model. */
  readyTimeoutMs?: number;
  /** Bound on `stigmer server stop` (it waits up to 10 s per component itself). Default 20 s. */
  stopTimeoutMs?: number;
}

const REQUIRABLE: readonly string[] = ['temporal', 'workflow-runner', 'agent-runner'];
const TEMPORAL_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
const ADDRESS = /^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/;

/**
 * The default profile: the local Stigmer stack.
 *
 * @example
 * const handle = await ensureServer(stigmer({ require: ['temporal'] }));
 */
export function stigmer(options: StigmerOptions = {}): Profile {
  const env = process.env;
  const home = options.home ?? os.homedir();
  const serverAddress = options.serverAddress ?? env.STIGMER_SERVER_ADDR ?? 'localhost:7234';
  const temporalAddress = options.temporalAddress ?? env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const problems = [
    ...(ADDRESS.test(serverAddress)
      ? []
      : [`serverAddress: expected "host:port", got "${serverAddress}"`]),
    ...(ADDRESS.test(temporalAddress)
      ? []
      : [`temporalAddress: expected "host:port", got "${temporalAddress}"`]),
    ...(path.isAbsolute(home) ? [] : [`home: expected an absolute path, got "${home}"`]),
    ...(options.require ?? [])
      .filter((name) => !REQUIRABLE.includes(name))
      .map(
        (name) =>
          `require: no component "${name}"; expected some of ${REQUIRABLE.join(', ')} (stigmer-server is always required)`,
      ),
  ];
  if (problems.length > 0) throw new ProfileError('Invalid stigmer() options:', problems);

  const required = new Set([
    'stigmer-server',
    ...(options.require ?? ['temporal', 'workflow-runner']),
  ]);
  const stigmerDir = path.join(home, '.stigmer');
  const data = path.join(stigmerDir, 'data');
  const logs = path.join(data, 'logs');
  const managedTemporal = !options.externalTemporal;
  const components: Component[] = [
    {
      name: 'stigmer-server',
      required: true,
      probe: { tcp: serverAddress },
      pidFile: path.join(data, 'daemon.pid'),
    },
    {
      name: 'temporal',
      required: required.has('temporal'),
      probe: { grpc: temporalAddress, service: TEMPORAL_SERVICE },
      pidFile: managedTemporal ? path.join(stigmerDir, 'temporal.pid') : null,
    },
    {
      name: 'workflow-runner',
      required: required.has('workflow-runner'),
      probe: { pidFile: path.join(data, 'workflow-runner.pid') },
      pidFile: null,
    },
    {
      name: 'agent-runner',
      required: required.has('agent-runner'),
      probe:
        options.agentRunner === 'docker'
          ? { docker: 'stigmer-agent-runner' }
          : { pidFile: path.join(data, 'agent-runner.pid') },
      pidFile: null,
    },
  ];
  const bin = options.bin ?? (env.STIGMER_E2E_BIN || 'stigmer');
  const notFound = options.bin
    ? 'Fix the `bin` option of stigmer(): it names no program'
    : env.STIGMER_E2E_BIN
      ? `STIGMER_E2E_BIN is set to "${env.STIGMER_E2E_BIN}", which is not a program: fix or unset it`
      : 'Install the Stigmer CLI (https://github.com/stigmer/stigmer), put `stigmer` on PATH, or set STIGMER_E2E_BIN to its path';
  const llm = {
    STIGMER_LLM_PROVIDER: options.llm?.provider ?? env.STIGMER_LLM_PROVIDER,
    STIGMER_LLM_MODEL: options.llm?.model ?? env.STIGMER_LLM_MODEL,
    STIGMER_LLM_BASE_URL: options.llm?.baseUrl ?? env.STIGMER_LLM_BASE_URL,
  };
  const llmEnv = Object.fromEntries(
    Object.entries(llm).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const cliEnv: Record<string, string | undefined> = {
    ...llmEnv,
    ...(options.home ? { HOME: home, USERPROFILE: home } : {}),
    TEMPORAL_SERVICE_ADDRESS: managedTemporal ? undefined : temporalAddress,
    ...options.env,
  };
  const logPair = (name: string) => [
    path.join(logs, `${name}.log`),
    path.join(logs, `${name}.err`),
  ];

  return sealProfile({
    name: 'stigmer',
    stateDir: options.stateDir ?? path.join(stigmerDir, 'e2e'),
    start: options.external
      ? null
      : { command: [bin, 'server'], mode: 'daemon', env: cliEnv, notFound },
    stop: {
      command: options.external ? null : [bin, 'server', 'stop'],
      signal: 'SIGTERM',
      timeoutMs: options.stopTimeoutMs ?? 20_000,
    },
    components,
    logs: {
      'stigmer-server': logPair('stigmer-server'),
      temporal: logPair('temporal'),
      'workflow-runner': logPair('workflow-runner'),
      'agent-runner': logPair('agent-runner'),
    },
    env: {
      STIGMER_SERVER_ADDR: serverAddress,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_SERVICE_ADDRESS: temporalAddress,
    },
    readyTimeoutMs: options.readyTimeoutMs ?? 180_000,
    startedWith:
      Object.keys(llmEnv).length > 0 ? { component: 'stigmer-server', env: llmEnv } : null,
  });
}
