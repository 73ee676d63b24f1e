/**
 * The action's inputs as one typed object. Kebab-case inputs, camelCase fields, defaults inline
 * (they match action.yml, so a run without them, e.g. a test, behaves the same).
 */
import * as core from '@actions/core';

export type Requirement = 'temporal' | 'workflow-runner' | 'agent-runner';
export type StopPolicy = 'if-owned' | 'always' | 'never';
export type OnUnavailable = 'fail' | 'skip';

export interface Inputs {
  /** `latest` (resolved through the GitHub API) or a release tag such as `v1.2.3`. */
  readonly version: string;
  /** false: use the `stigmer` already on PATH. */
  readonly install: boolean;
  /** Release asset URL template with `{version}`, `{semver}`, `{os}`, `{arch}`. */
  readonly downloadUrl: string;
  readonly cache: boolean;
  /** A custom profile file in the repository (`.js`, `.mjs` or `.json`); null: the Stigmer stack. */
  readonly config: string | null;
  /** Components that must be ready besides stigmer-server; null: the profile's default. */
  readonly require: readonly Requirement[] | null;
  /** Readiness timeout; null: the profile's own (180 s for Stigmer). */
  readonly timeoutMs: number | null;
  readonly onUnavailable: OnUnavailable;
  readonly stop: StopPolicy;
  readonly logLines: number;
  readonly githubToken: string;
  /** STIGMER_LLM_MODEL for the stack (and the model cache key); null: the environment's. */
  readonly llmModel: string | null;
}

export const DEFAULT_DOWNLOAD_URL =
  'https://github.com/stigmer/stigmer/releases/download/{version}/stigmer-{version}-{os}-{arch}.tar.gz';

const REQUIREMENTS: readonly Requirement[] = ['temporal', 'workflow-runner', 'agent-runner'];
const STOP_POLICIES: readonly StopPolicy[] = ['if-owned', 'always', 'never'];
const ON_UNAVAILABLE: readonly OnUnavailable[] = ['fail', 'skip'];

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

/** Reads and checks every input; throws one InputError naming each bad one. */
export function getInputs(read: (name: string) => string = (name) => core.getInput(name)): Inputs {
  const problems: string[] = [];
  const check = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };
  const input = (name: string) => read(name).trim();
  const inputs: Inputs = {
    version: check(() => parseVersion(input('version')), 'latest'),
    install: check(() => parseBoolean('install', input('install'), true), true),
    downloadUrl: check(() => parseDownloadUrl(input('download-url')), DEFAULT_DOWNLOAD_URL),
    cache: check(() => parseBoolean('cache', input('cache'), true), true),
    config: input('config') || null,
    require: check(() => parseRequire(read('require')), null),
    timeoutMs: check(() => parseTimeout(input('timeout')), null),
    onUnavailable: check(
      () => parseChoice('on-unavailable', input('on-unavailable'), ON_UNAVAILABLE, 'fail'),
      'fail',
    ),
    stop: check(() => parseChoice('stop', input('stop'), STOP_POLICIES, 'if-owned'), 'if-owned'),
    logLines: check(() => parseLogLines(input('log-lines')), 100),
    githubToken: input('github-token'),
    llmModel: input('llm-model') || null,
  };
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

function parseVersion(value: string): string {
  if (value === '' || value === 'latest') return 'latest';
  if (/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(value)) return `v${value}`; // tags are vX.Y.Z
  if (/^[0-9A-Za-z][0-9A-Za-z._+-]*$/.test(value)) return value;
  throw new Error(
    `\`version\`: expected \`latest\` or a release tag such as \`v1.2.3\`, got \`${value}\`.`,
  );
}

function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new Error(`\`${name}\`: expected \`true\` or \`false\`, got \`${value}\`.`);
}

function parseDownloadUrl(value: string): string {
  if (value === '') return DEFAULT_DOWNLOAD_URL;
  const sample = value.replace(/\{(version|semver|os|arch)\}/g, 'x');
  const unknown = sample.match(/\{[^}]*\}/);
  if (unknown)
    throw new Error(
      `\`download-url\`: unknown placeholder \`${unknown[0]}\`; use {version}, {semver}, {os} and {arch}.`,
    );
  if (!URL.canParse(sample))
    throw new Error(`\`download-url\`: expected an absolute URL template, got \`${value}\`.`);
  return value;
}

function parseRequire(value: string): Requirement[] | null {
  const names = value
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '' && n !== 'stigmer-server'); // stigmer-server is always required
  if (value.trim() === '') return null;
  const bad = names.filter((n) => !REQUIREMENTS.includes(n as Requirement));
  if (bad.length > 0)
    throw new Error(
      `\`require\`: expected components among ${REQUIREMENTS.join(', ')}, got \`${bad.join(', ')}\`.`,
    );
  return [...new Set(names as Requirement[])];
}

function parseTimeout(value: string): number | null {
  if (value === '') return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`\`timeout\`: expected a positive number of seconds, got \`${value}\`.`);
  return Math.round(seconds * 1000);
}

function parseLogLines(value: string): number {
  if (value === '') return 100;
  const lines = Number(value);
  if (!Number.isInteger(lines) || lines < 0)
    throw new Error(`\`log-lines\`: expected a non-negative integer, got \`${value}\`.`);
  return lines;
}

function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === '') return fallback;
  if (choices.includes(value as T)) return value as T;
  throw new Error(
    `\`${name}\`: expected one of ${choices.map((c) => `\`${c}\``).join(', ')}, got \`${value}\`.`,
  );
}
