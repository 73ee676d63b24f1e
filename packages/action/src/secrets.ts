/**
 * The LLM keys the Stigmer CLI reads are secrets: registered with the runner (it masks them in the
 * log) and replaced in anything the action prints itself.
 */
import * as core from '@actions/core';

const SECRET_VARIABLES = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY'] as const;

function secretValues(env: NodeJS.ProcessEnv): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((v) => v !== '');
}

export function maskSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const value of secretValues(env)) core.setSecret(value);
}

export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const value of secretValues(env).sort((a, b) => b.length - a.length))
    out = out.split(value).join('***');
  return out;
}
