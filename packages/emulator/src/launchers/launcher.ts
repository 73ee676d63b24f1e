import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The emulated programs that the real CLI downloads into `~/.stigmer/bin`. */
export type LauncherName = 'temporal' | 'ollama';

/** Absolute path of an emulated program's script in dist/components/. */
export function componentScript(name: string): string {
  return fileURLToPath(new URL(`../components/${name}.js`, import.meta.url));
}

/**
 * Writes an executable `path` that runs the emulated program with this Node. The shebang names
 * Node directly (no `env`, no shell), so the process's name (`ps -o comm`) is the file's name,
 * `temporal` or `ollama`, as the real CLI's checks expect.
 */
export function writeLauncher(path: string, name: LauncherName): void {
  mkdirSync(dirname(path), { recursive: true });
  const url = pathToFileURL(componentScript(name)).href;
  writeFileSync(path, `#!${process.execPath}\nimport(${JSON.stringify(url)});\n`);
  chmodSync(path, 0o755);
}
