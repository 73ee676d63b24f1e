// Where this example's PostgreSQL cluster lives, and how it is created once. postgres refuses
// to run as root, so as root every PostgreSQL command runs as `nobody` (runuser), in
// directories nobody owns.
import { execFile } from 'node:child_process';
import { access, chmod, chown, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** PG_BIN overrides where the server binaries are (CI sets it when version 15 is absent). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Fixed and uncommon, so every test run on this machine finds the same server. */
export const PORT = 55432;
export const AS_NOBODY = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];

const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));
/** Owned by the user postgres runs as: the data dir, the log and the unix socket live here. */
export const HOME = path.join(CACHE, 'postgres');
export const DATA = path.join(HOME, 'data');
export const LOG = path.join(HOME, 'postgres.log');
const NOBODY = 65534;
const run = promisify(execFile);

/** Creates the cluster (initdb) unless it exists. Safe when several test runs call it at once. */
export async function initCluster() {
  try {
    await access(path.join(PG_BIN, 'pg_ctl'));
  } catch {
    throw new Error(
      `PostgreSQL server binaries not found in ${PG_BIN}. Install them (apt-get install postgresql) or set PG_BIN to their directory.`,
    );
  }
  if (await exists(path.join(DATA, 'PG_VERSION'))) return;
  await mkdir(HOME, { recursive: true });
  await chmod(CACHE, 0o755);
  if (AS_NOBODY.length > 0) await chown(HOME, NOBODY, NOBODY);
  // initdb into a fresh dir, then rename: a concurrent run either wins the rename or finds
  // the cluster complete; nobody ever sees half a cluster.
  const staging = await mkdtemp(path.join(HOME, 'initdb-'));
  if (AS_NOBODY.length > 0) await chown(staging, NOBODY, NOBODY);
  const [file, ...args] = [
    ...AS_NOBODY,
    path.join(PG_BIN, 'initdb'),
    ...['-D', staging, '-A', 'trust', '-U', 'postgres', '--no-sync'],
  ];
  await run(file, args, { cwd: HOME });
  try {
    await rename(staging, DATA);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!(await exists(path.join(DATA, 'PG_VERSION')))) throw error;
  }
}

async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
