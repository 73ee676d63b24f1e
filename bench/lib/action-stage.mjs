// Runs one stage of the committed action bundle as the runner does: its own node process, fresh
// GITHUB_* command files, inputs as INPUT_*, state from earlier stages as STATE_*.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { now } from './stats.mjs';

/** Parses `name<<DELIMITER` / value / `DELIMITER` (and `name=value`) command files. */
function parseCommands(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return values;
}

/** @returns {Promise<{ ms: number, code: number, state: object, outputs: object }>} */
export function runStage(actionRoot, stage, { inputs, state, env }) {
  const files = mkdtempSync(path.join(os.tmpdir(), `stage-${stage}-`));
  const commandFiles = Object.fromEntries(
    ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map(
      (n) => [n, path.join(files, n)],
    ),
  );
  for (const file of Object.values(commandFiles)) writeFileSync(file, '');
  const stageEnv = {
    ...env,
    ...commandFiles,
    ...Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
    ),
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
  };
  const started = now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(actionRoot, 'packages/action/dist', `${stage}.js`)],
      { env: stageEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    // The runner waits for the stage's stdout and stderr to close, not just for its exit.
    child.on('close', (code) => {
      resolve({
        ms: now() - started,
        code,
        output,
        state: { ...state, ...parseCommands(readFileSync(commandFiles.GITHUB_STATE, 'utf8')) },
        outputs: parseCommands(readFileSync(commandFiles.GITHUB_OUTPUT, 'utf8')),
      });
    });
  });
}
