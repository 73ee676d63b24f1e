import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DockerError, parseDockerArgs } from './arguments.js';
import type { DockerContext } from './context.js';
import { type ImageRecord, normalizeRef, registryImage, splitRef } from './images.js';
import { renderTemplate } from './template.js';

/** Marks a `docker save` file of the stand-in (JSON, not a real tar). */
const ARCHIVE_FORMAT = 'stigmer-emulator-docker-archive/1';
const PULL_STEPS = 5;

/** `docker images [-q] [--digests] [--format T] [REPO[:TAG]]` */
export function images(ctx: DockerContext, args: readonly string[]): number {
  const parsed = parseDockerArgs('images', args, {
    bool: { quiet: 'q', digests: '', all: 'a', 'no-trunc': '' },
    value: { format: '', filter: 'f' },
  });
  const wanted = parsed.positionals[0];
  const rows = ctx.images.all().flatMap((image) =>
    image.RepoTags.map((tag) => {
      const [repository, imageTag] = splitRef(tag);
      const digest = image.RepoDigests.find((d) => d.startsWith(`${repository}@`))?.split('@')[1];
      return { image, repository, tag: imageTag, digest: digest ?? '<none>' };
    }),
  );
  const matches = rows.filter(({ repository, tag }) => {
    if (wanted === undefined) return true;
    const [wantRepo, wantTag] = wanted.includes(':') ? splitRef(wanted) : [wanted, undefined];
    return repository === wantRepo && (wantTag === undefined || wantTag === tag);
  });
  const shortId = (image: ImageRecord) => image.Id.slice(7, 19);
  if (parsed.has('quiet')) {
    for (const id of new Set(matches.map(({ image }) => shortId(image)))) ctx.out(`${id}\n`);
    return 0;
  }
  const format = parsed.last('format');
  if (format !== undefined) {
    for (const row of matches) {
      const data = {
        Repository: row.repository,
        Tag: row.tag,
        ID: shortId(row.image),
        Digest: row.digest,
        CreatedAt: row.image.Created,
        Size: `${(row.image.Size / 1e9).toFixed(2)}GB`,
      };
      ctx.out(`${renderTemplate(format, data)}\n`);
    }
    return 0;
  }
  ctx.out(`REPOSITORY${' '.repeat(30)}TAG       IMAGE ID       CREATED       SIZE\n`);
  for (const row of matches) {
    const size = `${(row.image.Size / 1e9).toFixed(2)}GB`;
    ctx.out(
      `${row.repository.padEnd(40)}${row.tag.padEnd(10)}${shortId(row.image)}   2 weeks ago   ${size}\n`,
    );
  }
  return 0;
}

/** `docker pull REF`: takes the pull knob's time when the image is missing. */
export async function pull(ctx: DockerContext, args: readonly string[]): Promise<number> {
  const parsed = parseDockerArgs('pull', args, { bool: { quiet: 'q' } });
  const ref = parsed.positionals[0];
  if (ref === undefined) throw new DockerError('"docker pull" requires exactly 1 argument.');
  await pullImage(ctx, ref, parsed.has('quiet'));
  return 0;
}

/** Pulls `ref` unless present (also `docker run`'s implicit pull); prints Docker's progress. */
export async function pullImage(
  ctx: DockerContext,
  ref: string,
  quiet = false,
): Promise<ImageRecord> {
  const normal = normalizeRef(ref);
  const say = (line: string) => quiet || ctx.out(`${line}\n`);
  const present = ctx.images.find(normal);
  const [repository, tag] = splitRef(normal);
  if (present !== undefined) {
    say(`${tag}: Pulling from ${repository.split('/').slice(1).join('/') || repository}`);
    say(`Digest: ${present.RepoDigests[0]?.split('@')[1] ?? ''}`);
    say(`Status: Image is up to date for ${normal}`);
    ctx.out(`${normal}\n`);
    return present;
  }
  const record = registryImage(normal);
  say(`${tag}: Pulling from ${repository.split('/').slice(1).join('/') || repository}`);
  const layer = record.Id.slice(7, 19);
  say(`${layer}: Pulling fs layer`);
  for (let step = 1; step <= PULL_STEPS; step++) {
    await sleep(ctx.settings.imagePullMs / PULL_STEPS);
    say(`${layer}: Downloading ${Math.round((step / PULL_STEPS) * 100)}%`);
  }
  say(`${layer}: Pull complete`);
  say(`Digest: ${record.RepoDigests[0]?.split('@')[1] ?? ''}`);
  say(`Status: Downloaded newer image for ${normal}`);
  ctx.out(`${normal}\n`);
  ctx.images.put(record);
  return record;
}

/** `docker tag SOURCE TARGET` */
export function tag(ctx: DockerContext, args: readonly string[]): number {
  const [source, target] = parseDockerArgs('tag', args, {}).positionals;
  if (source === undefined || target === undefined) {
    throw new DockerError('"docker tag" requires exactly 2 arguments.');
  }
  const image = ctx.images.find(source);
  if (image === undefined)
    throw new DockerError(`Error response from daemon: No such image: ${source}`);
  ctx.images.put({ ...image, RepoTags: [normalizeRef(target)] });
  return 0;
}

/** `docker save -o FILE IMAGE...` (the stand-in's own JSON format, stdout without -o). */
export function save(ctx: DockerContext, args: readonly string[]): number {
  const parsed = parseDockerArgs('save', args, { value: { output: 'o' } });
  if (parsed.positionals.length === 0)
    throw new DockerError('"docker save" requires at least 1 argument.');
  const records = parsed.positionals.map((ref) => {
    const image = ctx.images.find(ref);
    if (image === undefined) {
      throw new DockerError(`Error response from daemon: reference does not exist: ${ref}`);
    }
    return {
      ...image,
      RepoTags: image.RepoTags.filter((t) => t === normalizeRef(ref) || ref.startsWith('sha256')),
    };
  });
  const archive = `${JSON.stringify({ format: ARCHIVE_FORMAT, images: records }, null, 2)}\n`;
  const output = parsed.last('output');
  if (output === undefined) ctx.out(archive);
  else writeFileSync(output, archive);
  return 0;
}

/** `docker load -i FILE` (or stdin): "Loaded image: REF" per tag. */
export function load(ctx: DockerContext, args: readonly string[]): number {
  const parsed = parseDockerArgs('load', args, { value: { input: 'i' }, bool: { quiet: 'q' } });
  const input = parsed.last('input');
  const text = readFileSync(input ?? 0, 'utf8');
  let archive: { format?: string; images?: ImageRecord[] };
  try {
    archive = JSON.parse(text) as typeof archive;
  } catch {
    archive = {};
  }
  if (archive.format !== ARCHIVE_FORMAT || !Array.isArray(archive.images)) {
    throw new DockerError(
      `Error response from daemon: unexpected EOF (${input ?? 'stdin'} is not an archive written by the emulated \`docker save\`)`,
    );
  }
  for (const image of archive.images) {
    ctx.images.put(image);
    for (const ref of image.RepoTags) ctx.out(`Loaded image: ${ref}\n`);
  }
  return 0;
}

/** `docker rmi [-f] IMAGE...` */
export function rmi(ctx: DockerContext, args: readonly string[]): number {
  const parsed = parseDockerArgs('rmi', args, { bool: { force: 'f' } });
  for (const ref of parsed.positionals) {
    const image = ctx.images.find(ref);
    if (image === undefined)
      throw new DockerError(`Error response from daemon: No such image: ${ref}`);
    const user = ctx.containers.all().find((c) => c.config().ImageId === image.Id);
    if (user !== undefined && !parsed.has('force')) {
      throw new DockerError(
        `Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.Id.slice(7, 19)}`,
      );
    }
    ctx.images.remove(image.Id);
    ctx.out(`Untagged: ${image.RepoTags.join(', ')}\nDeleted: ${image.Id}\n`);
  }
  return 0;
}
