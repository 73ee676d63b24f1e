/**
 * An argv as a reader can tell its arguments apart: `pg_ctl -o '-p 55432 -k /tmp' start`.
 * Display only: commands are always run as argv, never through a shell.
 */
export function formatCommand(argv: readonly string[]): string {
  return `\`${argv.map((a) => (a === '' || /[\s'"\\$`;&|<>(){}*?!#~]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ')}\``;
}
