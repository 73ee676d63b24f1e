import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  partitionLeases,
  readProfileCopy
} from "../chunks/chunk-YVYZE4KD.js";
import {
  readState
} from "../chunks/chunk-L66SN3ZJ.js";
import "../chunks/chunk-BOTTUJWC.js";
import {
  sleep
} from "../chunks/chunk-OWJNM7FF.js";
import "../chunks/chunk-CVPLYTV6.js";
import "../chunks/chunk-YYN4WDBH.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/dist/programs/watchdog.js
var POLL_MS = 1e3;
var GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5e3);
var log = (message) => {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
};
async function main(stateDir2, startedAt2) {
  const profile = await readProfileCopy(stateDir2);
  log(`watching ${profile.name} (started ${new Date(startedAt2).toISOString()}), grace ${GRACE_MS} ms`);
  let abandonedSince = null;
  let liveBefore = -1;
  for (; ; ) {
    const { state } = await readState(stateDir2, { repair: false });
    if (state.owner?.startedAt !== startedAt2)
      return log("ownership released or replaced: exiting");
    const { live } = await partitionLeases(state.leases);
    if (live.length !== liveBefore && live.length > 0)
      log(`${live.length} live lease(s): ${live.map((l) => l.label).join(", ")}`);
    liveBefore = live.length;
    if (live.length > 0) {
      abandonedSince = null;
    } else if (abandonedSince === null) {
      abandonedSince = Date.now();
      log("no live lease: waiting out the grace period");
    } else if (Date.now() - abandonedSince >= GRACE_MS) {
      const [{ withLock }, { stopAndDisown }] = await Promise.all([
        import("../chunks/lock-F7EQNNTG.js"),
        import("../chunks/stop-5EQK7PW6.js")
      ]);
      const onWait = (holder) => log(`waiting for the lock (held by pid ${holder.pid}) to stop the stack`);
      await withLock(stateDir2, async () => {
        const { state: now } = await readState(stateDir2);
        if (now.owner?.startedAt !== startedAt2)
          return;
        if ((await partitionLeases(now.leases)).live.length > 0)
          return log("a lease was taken meanwhile: not stopping");
        log("every lease holder died without releasing: stopping the stack");
        await stopAndDisown(profile, now, now.owner, {
          leases: [],
          logger: { info: log, warn: log }
        });
      }, { onWait });
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
