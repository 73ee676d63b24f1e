/**
 * The Go-template subset `docker --format` is used with: `{{.Field.Sub}}`, `{{json .X}}`,
 * `{{index .X 0}}`, literal text between actions. Anything else fails with the template,
 * rather than printing something Docker would not.
 */
export function renderTemplate(template: string, data: unknown): string {
  return template.replace(/\{\{\s*(.*?)\s*\}\}/g, (_, action: string) => {
    const parts = action.split(/\s+/);
    if (parts[0] === 'json' && parts.length === 2) return JSON.stringify(lookup(data, parts[1]));
    if (parts[0] === 'index' && parts.length === 3) {
      const list = lookup(data, parts[1]);
      const item = Array.isArray(list) ? list[Number(parts[2])] : undefined;
      if (item === undefined)
        throw new Error(
          `template: ${action}: error calling index: index out of range: ${parts[2]}`,
        );
      return show(item);
    }
    if (parts.length === 1) return show(lookup(data, parts[0]));
    throw new Error(
      `template parsing error: the emulated docker supports .Field, json and index, not \`{{${action}}}\``,
    );
  });
}

function lookup(data: unknown, path: string | undefined): unknown {
  if (path === undefined || !path.startsWith('.')) {
    throw new Error(`template: expected a field like .State.Running, got \`${path}\``);
  }
  if (path === '.') return data;
  let value: unknown = data;
  for (const key of path.slice(1).split('.')) {
    if (typeof value !== 'object' || value === null || !(key in value)) {
      throw new Error(`template: executing "" at <${path}>: map has no entry for key "${key}"`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Go's fmt of a value: scalars as text, lists as `[a b]`, maps as `map[k:v]`. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a.localeCompare(b),
    );
    return `map[${entries.map(([k, v]) => `${k}:${show(v)}`).join(' ')}]`;
  }
  return String(value);
}
