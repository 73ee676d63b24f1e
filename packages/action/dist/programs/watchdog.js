import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "../chunks/chunk-DSUFZP6H.js";
import "../chunks/chunk-6GGWHONH.js";
import {
  sealProfile
} from "../chunks/chunk-6BER4CMT.js";
import {
  isSameProcess,
  readSmallFile,
  replaceSmallFile,
  sleep
} from "../chunks/chunk-M7FCQ5A3.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/src/programs/watchdog.ts
import { readFile } from "node:fs/promises";
import path2 from "node:path";

// ../core/src/stack/spawn-watchdog.ts
var PROFILE_FILE = "profile.json";

// ../core/src/state/leases.ts
async function isLeaseAlive(lease, now = Date.now()) {
  if (lease.holder === null) return lease.expiresAt === null || lease.expiresAt > now;
  return isSameProcess(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

// ../core/src/state/state-file.ts
import { randomBytes } from "node:crypto";
import { access, chmod, constants, mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";

// ../core/src/state/state.ts
var EMPTY_STATE = { version: 1, owner: null, leases: [], lastFailure: null };
var isRef = (v) => typeof v === "object" && v !== null && Number.isInteger(v.pid) && typeof v.startTime === "string";
var isLease = (v) => {
  const l = v;
  return typeof v === "object" && v !== null && typeof l.id === "string" && typeof l.createdAt === "number" && (l.holder === null || isRef(l.holder)) && (l.expiresAt === null || typeof l.expiresAt === "number") && typeof l.label === "string";
};
var isOwnership = (v) => {
  const o = v;
  return typeof v === "object" && v !== null && typeof o.leaseId === "string" && (o.phase === "starting" || o.phase === "running") && (o.mode === "daemon" || o.mode === "process") && typeof o.startedAt === "number" && (o.process === null || isRef(o.process)) && (o.watchdog === void 0 || o.watchdog === null || isRef(o.watchdog)) && Array.isArray(o.identity) && o.identity.every((e) => isRef(e) && typeof e.component === "string");
};
function isState(value) {
  const s = value;
  return typeof value === "object" && value !== null && s.version === 1 && (s.owner === null || isOwnership(s.owner)) && Array.isArray(s.leases) && s.leases.every(isLease) && (s.lastFailure === null || typeof s.lastFailure?.reason === "string" && typeof s.lastFailure.at === "number");
}

// ../core/src/state/state-file.ts
var STATE_FILE = "state.json";
async function readState(dir, { repair = true } = {}) {
  const file = path.join(dir, STATE_FILE);
  const raw = readSmallFile(file);
  if (raw === null) return { state: EMPTY_STATE, warning: null };
  try {
    const parsed = JSON.parse(raw);
    if (isState(parsed)) return { state: parsed, warning: null };
  } catch {
  }
  if (!repair) {
    return {
      state: EMPTY_STATE,
      warning: `The state file ${file} is unreadable; the next run moves it aside and starts afresh.`
    };
  }
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside).catch(() => {
  });
  return {
    state: EMPTY_STATE,
    warning: `The state file ${file} was unreadable (truncated or edited); it was moved to ${aside} and a fresh one started. A stack running now is treated as not started by us, so it will be left running.`
  };
}
async function writeState(dir, state) {
  const file = path.join(dir, STATE_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  replaceSmallFile(file, temp, `${JSON.stringify(state, null, 2)}
`);
}

// ../core/src/programs/watchdog.ts
var POLL_MS = 1e3;
var GRACE_MS = Number(process.env.STIGMER_E2E_WATCHDOG_GRACE_MS ?? 5e3);
var log = (message) => {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
};
async function main(stateDir2, startedAt2) {
  const profile = sealProfile(
    JSON.parse(await readFile(path2.join(stateDir2, PROFILE_FILE), "utf8"))
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
      const [{ withLock }, { stopStack }] = await Promise.all([
        import("../chunks/lock-CIKOIU7U.js"),
        import("../chunks/stop-DIQ4BHYX.js")
      ]);
      await withLock(stateDir2, async () => {
        const { state: now } = await readState(stateDir2);
        if (now.owner?.startedAt !== startedAt2) return;
        if ((await partitionLeases(now.leases)).live.length > 0) return;
        log("every lease holder died without releasing: stopping the stack");
        const report = await stopStack(profile, now.owner);
        for (const line of [...report.steps, ...report.problems]) log(`  ${line}`);
        await writeState(stateDir2, { ...now, owner: null, leases: [] });
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
