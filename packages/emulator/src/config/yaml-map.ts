/** A YAML mapping of scalars and nested mappings: all `config.yaml` holds. */
export interface YamlMap {
  [key: string]: string | number | boolean | null | YamlMap;
}

/**
 * Parses the block-mapping subset of YAML that the CLI's config uses (`key: value`, nesting by
 * indentation, `#` comments, quoted strings). Anything else (lists, flow style, anchors) is
 * rejected with the line, rather than misread.
 */
export function parseYamlMap(source: string, file: string): YamlMap {
  const root: YamlMap = {};
  const stack: { indent: number; map: YamlMap }[] = [{ indent: -1, map: root }];
  source.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const match = /^( *)([A-Za-z0-9_.-]+):(?: +(.*))?$/.exec(line);
    if (match === null) {
      throw new Error(
        `failed to unmarshal config YAML: ${file}:${index + 1}: expected \`key: value\` (the emulator reads mappings only), got \`${raw.trim()}\``,
      );
    }
    const indent = (match[1] as string).length;
    while ((stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = (stack.at(-1) as { map: YamlMap }).map;
    const key = match[2] as string;
    if (match[3] === undefined || match[3] === '') {
      const map: YamlMap = {};
      parent[key] = map;
      stack.push({ indent, map });
    } else {
      parent[key] = scalar(match[3]);
    }
  });
  return root;
}

function scalar(text: string): string | number | boolean | null {
  if (/^(['"]).*\1$/.test(text)) return text.slice(1, -1);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}
