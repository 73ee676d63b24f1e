/** The dependency graph of a group's members: its cycles, named, and a start order. */

/** name -> the names it depends on, in declaration order. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Every cycle, each as the path that closes it: ["app", "db", "app"]. Each cycle is reported
 * once, from the first member (in declaration order) that reaches it.
 */
export function findCycles(graph: DependencyGraph): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  const visit = (name: string, path: string[]) => {
    if (done.has(name)) return;
    const at = path.indexOf(name);
    if (at !== -1) {
      cycles.push([...path.slice(at), name]);
      return;
    }
    for (const next of graph.get(name) ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const name of graph.keys()) visit(name, []);
  return cycles;
}

/**
 * A start order: every name after the names it depends on; otherwise declaration order is kept,
 * so a group reads as written. The graph must have no cycle.
 */
export function startOrder(graph: DependencyGraph): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < graph.size) {
    const next = [...graph.keys()].find(
      (name) => !placed.has(name) && (graph.get(name) ?? []).every((d) => placed.has(d)),
    );
    if (next === undefined) throw new Error('startOrder: the graph has a cycle');
    order.push(next);
    placed.add(next);
  }
  return order;
}

/** "app -> db -> app" */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' -> ');
}
