/** How an installed directory differs from what the release archive holds, file by file. */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from './checksum.js';

interface Node {
  readonly kind: 'file' | 'dir' | 'other';
  /** Files only. */
  readonly sha256: string | null;
}

async function listTree(root: string): Promise<Map<string, Node>> {
  const nodes = new Map<string, Node>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath, e.name);
    const name = path.relative(root, file).split(path.sep).join('/');
    // lstat, not the entry's type alone: a symlink is never taken for what it points to.
    const stat = await lstat(file);
    if (stat.isFile()) nodes.set(name, { kind: 'file', sha256: await sha256File(file) });
    else nodes.set(name, { kind: stat.isDirectory() ? 'dir' : 'other', sha256: null });
  }
  return nodes;
}

/**
 * Each difference between `actual` and `expected`, as `<path> has sha256 X, the release archive
 * holds Y`, `<path> is not in the release archive` (an extra file on PATH could shadow a system
 * command) or `<path> is missing`. Empty when they are the same.
 */
export async function treeDifferences(expected: string, actual: string): Promise<string[]> {
  const [want, have] = await Promise.all([listTree(expected), listTree(actual)]);
  const problems: string[] = [];
  for (const [name, node] of have) {
    const ref = want.get(name);
    if (!ref || ref.kind !== node.kind) problems.push(`${name} is not in the release archive`);
    else if (node.sha256 !== ref.sha256)
      problems.push(`${name} has sha256 ${node.sha256}, the release archive holds ${ref.sha256}`);
  }
  for (const name of want.keys()) if (!have.has(name)) problems.push(`${name} is missing`);
  return problems;
}
