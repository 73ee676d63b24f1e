/** stdout/stderr line writers; commands print through these so tests can read the streams. */
export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const err = (line = ''): void => {
  process.stderr.write(`${line}\n`);
};
