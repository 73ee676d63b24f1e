/**
 * The Stigmer stack as the real `stigmer` CLI runs it (the reference page on the Stigmer CLI, and
 * its source: client-apps/cli/internal/cli/daemon/daemon.go): `stigmer server` cleans up what an
 * earlier stack left, starts managed Temporal (:7233, a process group of its own), spawns
 * stigmer-server (:7234) and returns at once, before the port opens; stigmer-server's supervisor
 * starts workflow-runner (a pid file, no port) and the Docker container `stigmer-agent-runner`,
 * and restarts workflow-runner when it dies. `stigmer server stop` leaves Temporal (and Ollama)
 * running; the launch id in their environment lets our stop end the Temporal we started.
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
  /**
   * The LLM the stack runs with, passed to the CLI as STIGMER_LLM_PROVIDER, STIGMER_LLM_MODEL and
   * STIGMER_LLM_BASE_URL (which override its config file). Defaults: those variables in this
   * process's environment. A running stack started with another model is reported (`mismatch`).
   */
  llm?: { provider?: string; model?: string; baseUrl?: string };
  /**
   * When the model is not in Ollama's store, pull it (`stigmer server llm pull`, with progress)
   * and start again. Default true; false: the start fails, saying which model to pull.
   */
  pullModel?: boolean;
  /** Extra environment for the `stigmer` CLI. */
  env?: Record<string, string>;
  /** A stack someone else runs (a shared staging stack): only probed, never started or stopped. */
  external?: boolean;
  /** Where leases and ownership live. Default: <home>/.stigmer/e2e. */
  stateDir?: string;
  /** Default 180 s: a first start downloads Temporal and a model. */
  readyTimeoutMs?: number;
  /**
   * Bound on `stigmer server stop`: 5 s for workflow-runner, the container's `docker stop` (10 s),
   * then 20 x 500 ms for stigmer-server, about 36 s at worst. Default 40 s.
   */
  stopTimeoutMs?: number;
}

const AGENT_RUNNER_CONTAINER = 'stigmer-agent-runner';
/** A first pull of the default model is several GB. */
const MODEL_PULL_TIMEOUT_MS = 30 * 60_000;
/** The CLI's default Ollama model (client-apps/cli/internal/cli/llm/setup.go). */
const DEFAULT_MODEL = 'qwen2.5-coder:7b';
const KEY_VARIABLE: Readonly<Record<string, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
};

/**
 * What the CLI prints when it cannot start for want of a model or a key, and what to do: told
 * as that, at once, never as a timeout.
 */
function knownFailures(bin: string, provider: string, model: string, pullModel: boolean) {
  const key = KEY_VARIABLE[provider];
  return [
    {
      match: "no models found|model '[^']+' not found",
      reason:
        `the LLM model ${model} is not in Ollama's store (the CLI never pulls it): pull it with ` +
        `\`stigmer server llm pull ${model}\`, or choose a model you have with STIGMER_LLM_MODEL`,
      // The pull needs the Ollama that the failed `stigmer server` started and left running
      // (server.go handleLLMPull): so the CLI's own order is start, pull, start again.
      ...(pullModel
        ? {
            fix: {
              command: [bin, 'server', 'llm', 'pull', model],
              doing: `pulling the LLM model ${model} (several GB, the first time only)`,
              timeoutMs: MODEL_PULL_TIMEOUT_MS,
            },
          }
        : {}),
    },
    {
      match: 'failed to get (Anthropic|OpenAI) API key',
      reason: key
        ? `the LLM provider ${provider} needs ${key} in the environment (the CLI asks for it only on a terminal): set ${key}, or choose another provider with STIGMER_LLM_PROVIDER`
        : 'the LLM provider needs its API key in the environment (ANTHROPIC_API_KEY or OPENAI_API_KEY; the CLI asks for it only on a terminal)',
    },
  ];
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
      // Not temporal.pid: after a `stigmer server stop` by hand, the Temporal it leaves keeps
      // serving the next stack while the next start's own Temporal, unable to bind, leaves its
      // dead pid in that file (manager.go). Temporal answering its health check is Temporal.
      pidFile: null,
    },
    {
      name: 'workflow-runner',
      required: required.has('workflow-runner'),
      probe: { pidFile: path.join(data, 'workflow-runner.pid') },
      pidFile: null,
    },
    {
      // Always the Docker container: no Stigmer runs agent-runner as a process of its own.
      name: 'agent-runner',
      required: required.has('agent-runner'),
      probe: { docker: AGENT_RUNNER_CONTAINER },
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
  // An external Temporal: the CLI starts none (TEMPORAL_SERVICE_ADDRESS) and stigmer-server
  // dials it (TEMPORAL_HOST_PORT). Managed: neither is passed on, even if inherited (an earlier
  // run exports TEMPORAL_SERVICE_ADDRESS to its tests), or the CLI would skip its Temporal.
  const temporalEnv = managedTemporal ? undefined : temporalAddress;
  const cliEnv: Record<string, string | undefined> = {
    ...llmEnv,
    ...(options.home ? { HOME: home, USERPROFILE: home } : {}),
    TEMPORAL_SERVICE_ADDRESS: temporalEnv,
    TEMPORAL_HOST_PORT: temporalEnv,
    ...options.env,
  };
  const provider = llm.STIGMER_LLM_PROVIDER ?? 'ollama';
  const model = llm.STIGMER_LLM_MODEL ?? DEFAULT_MODEL;

  return sealProfile({
    name: 'stigmer',
    stateDir: options.stateDir ?? path.join(stigmerDir, 'e2e'),
    start: options.external
      ? null
      : {
          command: [bin, 'server'],
          mode: 'daemon',
          env: cliEnv,
          notFound,
          // `stigmer server` copes with what an earlier stack left: it reuses a Temporal that
          // still runs (left by `stigmer server stop`) and stops orphans named by old pid files.
          toleratesLeftovers: true,
          knownFailures: knownFailures(bin, provider, model, options.pullModel ?? true),
        },
    stop: {
      command: options.external ? null : [bin, 'server', 'stop'],
      signal: 'SIGTERM',
      timeoutMs: options.stopTimeoutMs ?? 40_000,
      // Ollama is never stopped by the CLI either: slow to start, shared with the user's work.
      spare: [path.join(stigmerDir, 'llm.pid')],
    },
    components,
    logs: {
      'stigmer-server': [path.join(logs, 'stigmer-server.log')],
      temporal: [path.join(stigmerDir, 'logs', 'temporal.log')],
      'workflow-runner': [path.join(logs, 'workflow-runner.log')],
      'agent-runner': [{ command: ['docker', 'logs', '--tail', '200', AGENT_RUNNER_CONTAINER] }],
      llm: [path.join(stigmerDir, 'logs', 'llm.log')],
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
