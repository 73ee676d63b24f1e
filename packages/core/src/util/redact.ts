/**
 * Secrets never reach our output: values of secret-looking environment variables (the LLM keys
 * the Stigmer CLI reads, and any *_KEY/*_TOKEN/*_SECRET/*PASSWORD) are replaced in text we print.
 * PASSWORD and PASSWD end a name with or without an underscore (PGPASSWORD); KEY and TOKEN need
 * one, so that MONKEY is not a secret.
 */
const SECRET_NAME = /((^|_)(API_KEY|KEY|TOKEN|SECRET|CREDENTIALS?)|PASSWORD|PASSWD)$/i;
/** Short values ("1", "true") would blank out unrelated text; real secrets are longer. */
const MIN_SECRET_LENGTH = 6;

export function secretValues(
  ...envs: Array<Readonly<Record<string, string | undefined>>>
): string[] {
  const values = new Set<string>();
  for (const env of envs) {
    for (const [name, value] of Object.entries(env)) {
      if (value && value.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(value);
    }
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...values].sort((a, b) => b.length - a.length);
}

export function redact(
  text: string,
  secrets: readonly string[] = secretValues(process.env),
): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
