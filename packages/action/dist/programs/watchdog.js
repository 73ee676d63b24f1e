import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readState
} from "../chunks/chunk-NYQHEQWX.js";
import "../chunks/chunk-DSUFZP6H.js";
import {
  sealProfile
} from "../chunks/chunk-SU6RE7TD.js";
import {
  isSameProcess,
  sleep
} from "../chunks/chunk-M7FCQ5A3.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/src/programs/watchdog.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// ../core/src/state/leases.ts
async function isLeaseAlive(lease, now = Date.now()) {
  if (lease.holder === null) return lease.expiresAt === null || lease.expiresAt > now;
  return isSameProcess(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

// ../core/src/programs/spawn-watchdog.ts
var PROFILE_FILE = "profile.json";

// ../core/src/programs/watchdog.ts
var POLL_MS = 1e3;
var GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5e3);
var log = (message) => {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
};
async function main(stateDir2, startedAt2) {
  const profile = sealProfile(
    JSON.parse(await readFile(path.join(stateDir2, PROFILE_FILE), "utf8"))
  );
  log(
    `watching ${profile.name} (started ${new Date(startedAt2).toISOString()}), grace ${GRACE_MS} ms`
  );
  let abandonedSince = null;
  for (; ; ) {
    const { state } = await readState(stateDir2, { repair: false });
    if (state.owner?.startedAt !== startedAt2) return log("ownership released or replaced: exiting");
    const { live } = await partitionLeases(state.leases);
    if (live.length > 0) {
      abandonedSince = null;
    } else if (abandonedSince === null) {
      abandonedSince = Date.now();
      log("no live lease: waiting out the grace period");
    } else if (Date.now() - abandonedSince >= GRACE_MS) {
      const [{ withLock }, { stopAndDisown }] = await Promise.all([
        import("../chunks/lock-CIKOIU7U.js"),
        import("../chunks/stop-NZNFZ5A3.js")
      ]);
      await withLock(stateDir2, async () => {
        const { state: now } = await readState(stateDir2);
        if (now.owner?.startedAt !== startedAt2) return;
        if ((await partitionLeases(now.leases)).live.length > 0) return;
        log("every lease holder died without releasing: stopping the stack");
        await stopAndDisown(profile, now, now.owner, {
          leases: [],
          logger: { info: log, warn: log }
        });
      });
      abandonedSince = null;
    }
    await sleep(POLL_MS);
  }
}
var [stateDir, startedAt] = process.argv.slice(2);
if (!stateDir || !startedAt) {
  process.stderr.write("usage: main.js <stateDir> <startedAt>\n");
  process.exit(2);
}
main(stateDir, Number(startedAt)).then(
  () => process.exit(0),
  (error) => {
    log(`watchdog failed: ${error.stack ?? String(error)}`);
    process.exit(1);
  }
);
