/**
 * Whether the scripts' own output may carry escape codes: in a terminal that has colors (which
 * is where NO_COLOR is honoured), or wherever FORCE_COLOR asks (`0`/`false` forbid them); never
 * in a log file otherwise.
 */
export function colorsWanted(stream = process.stdout) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force);
  return stream.isTTY === true && stream.hasColors();
}
