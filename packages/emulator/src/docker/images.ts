import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One image as `docker image inspect` shows it (the fields the CLI and the Action read). */
export interface ImageRecord {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: string;
  Size: number;
}

/** `name` → `name:latest`; a registry port (`host:5000/x`) is not a tag. */
export function normalizeRef(ref: string): string {
  if (ref.includes('@')) return ref;
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  return last.includes(':') ? ref : `${ref}:latest`;
}

/** `repo:tag` → [`repo`, `tag`] (a digest reference has tag `<none>`). */
export function splitRef(ref: string): [string, string] {
  const at = ref.indexOf('@');
  if (at !== -1) return [ref.slice(0, at), '<none>'];
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/')
    ? [ref.slice(0, colon), ref.slice(colon + 1)]
    : [ref, 'latest'];
}

/** What a registry would serve for `ref`: a stable id and digest, a plausible size. */
export function registryImage(ref: string): ImageRecord {
  const normal = normalizeRef(ref);
  const hash = (salt: string) => createHash('sha256').update(`${salt}:${normal}`).digest('hex');
  return {
    Id: `sha256:${hash('id')}`,
    RepoTags: [normal],
    RepoDigests: [`${splitRef(normal)[0]}@sha256:${hash('digest')}`],
    Created: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    Size: 1_200_000_000,
  };
}

/**
 * The stand-in's image store: `<docker dir>/images.json`, rewritten atomically (write, then
 * rename) so a reader never sees half a file.
 */
export class ImageStore {
  private readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'images.json');
  }

  all(): ImageRecord[] {
    try {
      return (JSON.parse(readFileSync(this.file, 'utf8')) as { images: ImageRecord[] }).images;
    } catch {
      return [];
    }
  }

  /** By `repo:tag` (tag defaults to latest), by `repo@digest`, or by (short) id. */
  find(ref: string): ImageRecord | undefined {
    const normal = normalizeRef(ref);
    const id = ref.startsWith('sha256:') ? ref : `sha256:${ref}`;
    return this.all().find(
      (image) =>
        image.RepoTags.includes(normal) ||
        image.RepoDigests.includes(ref) ||
        (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref) && image.Id.startsWith(id)),
    );
  }

  /** Adds an image, moving its tags off any other image (as a pull or load does). */
  put(record: ImageRecord): void {
    const others = this.all()
      .filter((image) => image.Id !== record.Id)
      .map((image) => ({
        ...image,
        RepoTags: image.RepoTags.filter((tag) => !record.RepoTags.includes(tag)),
      }));
    const existing = this.all().find((image) => image.Id === record.Id);
    const merged = existing
      ? {
          ...existing,
          RepoTags: [...new Set([...existing.RepoTags, ...record.RepoTags])],
          RepoDigests: [...new Set([...existing.RepoDigests, ...record.RepoDigests])],
        }
      : record;
    this.write([...others, merged]);
  }

  remove(id: string): void {
    this.write(this.all().filter((image) => image.Id !== id));
  }

  private write(images: ImageRecord[]): void {
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ images }, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}
