/**
 * `node exit-recorder.js <statusFile> <command> [args...]`: runs a daemon's start command and
 * writes how it ended to <statusFile> ({ code, signal }). A start launched by one process and
 * waited for by another (an Action's pre and main) can then tell a failed start at once instead
 * of waiting out a timeout. Its exit code is the command's.
 */
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';

const [statusFile, file, ...args] = process.argv.slice(2);
if (!statusFile || !file) {
  process.stderr.write('usage: exit-recorder.js <statusFile> <command> [args...]\n');
  process.exit(2);
}
const record = (status: { code: number | null; signal: string | null; error?: string }) => {
  writeFileSync(`${statusFile}.tmp`, JSON.stringify(status), { mode: 0o600 });
  renameSync(`${statusFile}.tmp`, statusFile);
};
const child = spawn(file, args, { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
  process.on(signal, () => child.kill(signal));
child.once('error', (error: NodeJS.ErrnoException) => {
  process.stderr.write(`cannot run ${file}: ${error.message}\n`);
  record({ code: 127, signal: null, error: error.code ?? error.message });
  process.exit(127);
});
child.once('exit', (code, signal) => {
  record({ code, signal });
  process.exit(code ?? 1);
});
