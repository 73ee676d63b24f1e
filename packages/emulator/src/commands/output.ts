/**
 * cliprint: every message on stdout, with the real prefixes (colour is off without a
 * terminal, as fatih/color does). Commands print through these so tests can read the streams.
 */
export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
export const info = (line: string): void => out(`ℹ ${line}`);
export const success = (line: string): void => out(`✓ ${line}`);
export const warning = (line: string): void => out(`⚠ ${line}`);
export const failure = (line: string): void => out(`✗ ${line}`);
