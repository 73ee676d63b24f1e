import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "./chunk-HANBNIMK.js";

// src/cache/directory-cache-store.ts
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
var DirectoryCacheStore = class {
  constructor(root) {
    this.root = root;
    this.name = `directory cache ${root}`;
  }
  root;
  name;
  available() {
    return true;
  }
  async restore(paths, key) {
    const entry = this.entry(key);
    const manifest = await readFile(path.join(entry, "paths.json"), "utf8").catch(() => null);
    if (manifest === null) return false;
    if (JSON.stringify(paths) !== manifest) return false;
    for (const [i, target] of paths.entries()) {
      const saved = path.join(entry, String(i));
      if (await exists(saved)) await cp(saved, target, { recursive: true, force: true });
    }
    return true;
  }
  async save(paths, key) {
    const entry = this.entry(key);
    if (await exists(entry)) return false;
    const staging = `${entry}.${process.pid}.tmp`;
    await mkdir(staging, { recursive: true });
    for (const [i, source] of paths.entries())
      if (await exists(source))
        await cp(source, path.join(staging, String(i)), { recursive: true });
    await writeFile(path.join(staging, "paths.json"), JSON.stringify(paths));
    try {
      await rename(staging, entry);
      return true;
    } catch {
      await rm(staging, { recursive: true, force: true });
      return false;
    }
  }
  entry(key) {
    return path.join(this.root, encodeURIComponent(key));
  }
};
async function exists(file) {
  return stat(file).then(
    () => true,
    () => false
  );
}
export {
  DirectoryCacheStore
};
