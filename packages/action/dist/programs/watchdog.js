import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PROFILE_FILE,
  partitionLeases
} from "../chunks/chunk-VP254PCM.js";
import {
  readState
} from "../chunks/chunk-D5U6FEG5.js";
import "../chunks/chunk-BOTTUJWC.js";
import {
  sleep
} from "../chunks/chunk-LK6OX7TM.js";
import {
  sealProfile
} from "../chunks/chunk-KGLTKPOK.js";
import "../chunks/chunk-4IFXONDL.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/dist/programs/watchdog.js
import { readFile } from "node:fs/promises";
import path from "node:path";
var POLL_MS = 1e3;
var GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5e3);
var log = (message) => {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
};
async function main(stateDir2, startedAt2) {
  const profile = sealProfile(JSON.parse(await readFile(path.join(stateDir2, PROFILE_FILE), "utf8")));
  log(`watching ${profile.name} (started ${new Date(startedAt2).toISOString()}), grace ${GRACE_MS} ms`);
  let abandonedSince = null;
  for (; ; ) {
    const { state } = await readState(stateDir2, { repair: false });
    if (state.owner?.startedAt !== startedAt2)
      return log("ownership released or replaced: exiting");
    const { live } = await partitionLeases(state.leases);
    if (live.length > 0) {
      abandonedSince = null;
    } else if (abandonedSince === null) {
      abandonedSince = Date.now();
      log("no live lease: waiting out the grace period");
    } else if (Date.now() - abandonedSince >= GRACE_MS) {
      const [{ withLock }, { stopAndDisown }] = await Promise.all([
        import("../chunks/lock-SQTOGSDV.js"),
        import("../chunks/stop-NTLYDJGI.js")
      ]);
      await withLock(stateDir2, async () => {
        const { state: now } = await readState(stateDir2);
        if (now.owner?.startedAt !== startedAt2)
          return;
        if ((await partitionLeases(now.leases)).live.length > 0)
          return;
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
main(stateDir, Number(startedAt)).then(() => process.exit(0), (error) => {
  log(`watchdog failed: ${error.stack ?? String(error)}`);
  process.exit(1);
});
