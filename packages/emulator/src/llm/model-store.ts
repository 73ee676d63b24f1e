import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The fake Ollama's model store, laid out as Ollama's own (`~/.ollama/models/manifests/
 * registry.ollama.ai/<namespace>/<model>/<tag>`), so that caching that directory (as the Action
 * does) and restoring it brings the models back. Manifests only: no multi-GB blobs.
 */
export interface StoredModel {
  /** `qwen2.5-coder:7b` (the library namespace is left out, as `ollama list` does). */
  name: string;
  digest: string;
  size: number;
  modifiedAt: Date;
}

const REGISTRY = 'registry.ollama.ai';

export class ModelStore {
  constructor(readonly dir: string) {}

  /** Creates the store with `models` unless it exists already (a restored cache wins). */
  seed(models: readonly string[]): void {
    if (existsSync(this.dir)) return;
    mkdirSync(join(this.dir, 'manifests', REGISTRY), { recursive: true });
    for (const model of models) this.add(model);
  }

  list(): StoredModel[] {
    const root = join(this.dir, 'manifests', REGISTRY);
    const found: StoredModel[] = [];
    for (const namespace of entries(root)) {
      for (const model of entries(join(root, namespace))) {
        for (const tag of entries(join(root, namespace, model))) {
          const file = join(root, namespace, model, tag);
          const base = namespace === 'library' ? model : `${namespace}/${model}`;
          const name = `${base}:${tag}`;
          found.push({ name, ...fakeBlob(name), modifiedAt: statSync(file).mtime });
        }
      }
    }
    return found.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
  }

  add(model: string): void {
    const file = this.manifestFile(model);
    mkdirSync(dirname(file), { recursive: true });
    const { digest, size } = fakeBlob(canonical(model));
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      layers: [{ mediaType: 'application/vnd.ollama.image.model', digest, size }],
    };
    writeFileSync(file, JSON.stringify(manifest));
  }

  remove(model: string): boolean {
    const file = this.manifestFile(model);
    if (!existsSync(file)) return false;
    rmSync(file);
    return true;
  }

  private manifestFile(model: string): string {
    const [path, tag] = canonical(model).split(':') as [string, string];
    const parts = path.split('/');
    const [namespace, name] = parts.length > 1 ? [parts[0], parts[1]] : ['library', parts[0]];
    return join(this.dir, 'manifests', REGISTRY, namespace as string, name as string, tag);
  }
}

/** `name` or `name:tag`, with `latest` filled in. */
export function canonical(model: string): string {
  return model.includes(':') ? model : `${model}:latest`;
}

/** A stable digest and a plausible size (a 7b model is about 4.7 GB) from the name alone. */
export function fakeBlob(model: string): { digest: string; size: number } {
  const digest = `sha256:${createHash('sha256').update(model).digest('hex')}`;
  const billions = Number(/:(\d+(?:\.\d+)?)b/.exec(model)?.[1] ?? 4);
  return { digest, size: Math.round(billions * 0.67 * 1e9) };
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
