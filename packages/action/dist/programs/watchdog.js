import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import "../chunks/chunk-DSUFZP6H.js";
import "../chunks/chunk-6GGWHONH.js";
import {
  sealProfile
} from "../chunks/chunk-6BER4CMT.js";
import {
  isProvenDead,
  readSmallFile,
  replaceSmallFile,
  sleep
} from "../chunks/chunk-6KEWGWSB.js";
import "../chunks/chunk-HANBNIMK.js";

// ../core/src/stack/spawn-watchdog.ts
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
var PROFILE_FILE = "profile.json";
var mapUnset = (env, to) => env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? to]));
async function readProfileCopy(stateDir2) {
  const copy = JSON.parse(await readFile(path.join(stateDir2, PROFILE_FILE), "utf8"));
  const env = mapUnset(copy.start?.env, void 0);
  return sealProfile({ ...copy, start: copy.start && { ...copy.start, env } });
}

// ../core/src/state/leases.ts
async function isLeaseAlive(lease, now = Date.now()) {
  if (lease.holder === null) return lease.expiresAt === null || lease.expiresAt > now;
  return !await isProvenDead(lease.holder);
}
async function partitionLeases(leases, now = Date.now()) {
  const alive = await Promise.all(leases.map((l) => isLeaseAlive(l, now)));
  return { live: leases.filter((_, i) => alive[i]), dead: leases.filter((_, i) => !alive[i]) };
}

// ../core/src/state/state-file.ts
import { randomBytes } from "node:crypto";
import { access, chmod, constants, mkdir, rename, stat } from "node:fs/promises";
import path2 from "node:path";

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
  const file = path2.join(dir, STATE_FILE);
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
  const file = path2.join(dir, STATE_FILE);
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
  const profile = await readProfileCopy(stateDir2);
  log(
    `watching ${profile.name} (started ${new Date(startedAt2).toISOString()}), grace ${GRACE_MS} ms`
  );
  let abandonedSince = null;
  let liveBefore = -1;
  for (; ; ) {
    const { state } = await readState(stateDir2, { repair: false });
    if (state.owner?.startedAt !== startedAt2) return log("ownership released or replaced: exiting");
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
      const [{ withLock }, { stopStack }] = await Promise.all([
        import("../chunks/lock-7WZ652T6.js"),
        import("../chunks/stop-E6JST2YK.js")
      ]);
      const onWait = (holder) => log(`waiting for the lock (held by pid ${holder.pid}) to stop the stack`);
      await withLock(
        stateDir2,
        async () => {
          const { state: now } = await readState(stateDir2);
          if (now.owner?.startedAt !== startedAt2) return;
          if ((await partitionLeases(now.leases)).live.length > 0)
            return log("a lease was taken meanwhile: not stopping");
          log("every lease holder died without releasing: stopping the stack");
          const report = await stopStack(profile, now.owner);
          for (const line of [...report.steps, ...report.problems]) log(`  ${line}`);
          await writeState(stateDir2, { ...now, owner: null, leases: [] });
        },
        { onWait }
      );
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
