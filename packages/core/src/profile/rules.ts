/**
 * Rules that span fields, checked on the raw spec even when the schema found problems
 * elsewhere, so that every problem is reported in one go.
 */

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export function crossFieldProblems(spec: unknown): string[] {
  if (!isObject(spec)) return [];
  const problems: string[] = [];
  const start = isObject(spec.start) ? spec.start : null;
  const stop = isObject(spec.stop) ? spec.stop : null;
  if (start?.mode === 'daemon' && !stop?.command) {
    problems.push('stop: a daemon-mode stack needs a stop command: add stop: { command: [...] }');
  }
  const startedWith = isObject(spec.startedWith) ? spec.startedWith.component : undefined;
  if (typeof startedWith === 'string' && Array.isArray(spec.components)) {
    const names = spec.components.map((c) => (isObject(c) ? c.name : undefined));
    if (!names.includes(startedWith))
      problems.push(`startedWith.component: no component named "${startedWith}"`);
  }
  if (Array.isArray(spec.components)) {
    const seen = new Set<unknown>();
    spec.components.forEach((c, i) => {
      const name = isObject(c) ? c.name : undefined;
      if (typeof name !== 'string') return;
      if (seen.has(name)) problems.push(`components[${i}]: duplicate component name "${name}"`);
      seen.add(name);
    });
  }
  return problems;
}
