import type { ComponentStatus } from '../probe/component-status.js';

/** One line per component: "  ✓ temporal  SERVING on localhost:7233". */
export function formatComponents(components: readonly ComponentStatus[]): string {
  const width = Math.max(0, ...components.map((c) => c.name.length));
  return components
    .map(
      (c) =>
        `  ${c.ready ? '✓' : c.required ? '✗' : '-'} ${c.name.padEnd(width)}  ${c.detail}${c.required ? '' : ' (optional)'}`,
    )
    .join('\n');
}
