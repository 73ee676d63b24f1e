/**
 * The one secret policy of every surface (the CLI, the Vitest adapter, the GitHub Action): the
 * values of secret-looking environment variables never reach our output. A name is secret when
 * it ends in a `KEY`, `TOKEN`, `SECRET` or `CREDENTIAL(S)` word (after `_` or `-`, or alone:
 * ANTHROPIC_API_KEY, INPUT_GITHUB-TOKEN, CLIENT_SECRET; not MONKEY) or in `PASSWORD`/`PASSWD`
 * (PGPASSWORD too). Names that only contain such a word (KEYBOARD_LAYOUT, PASSWORD_FILE) are not.
 */
const SECRET_NAME = /(?:^|[_-])(?:KEY|TOKEN|SECRET|CREDENTIALS?)$|PASS(?:WORD|WD)$/i;
/** Short values ("1", "true") would blank out unrelated text; real secrets are longer. */
const MIN_SECRET_LENGTH = 6;

/** The secret values in these environments, longest first (a secret holding another is replaced whole). */
export function secretValues(
  ...envs: Array<Readonly<Record<string, string | undefined>>>
): string[] {
  const values = new Set<string>();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (!value || !SECRET_NAME.test(name)) continue;
      // A multi-line secret (a PEM key) is printed line by line: each line is a secret too.
      for (const part of [value, ...value.split(/\r?\n/)].map((v) => v.trim()))
        if (part.length >= MIN_SECRET_LENGTH) values.add(part);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** `text` with each secret replaced by `***`. */
export function redact(
  text: string,
  secrets: readonly string[] = secretValues(process.env),
): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
