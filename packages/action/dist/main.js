import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  jobLease,
  setUp,
  startInBackground
} from "./chunks/chunk-HXELNSLG.js";
import "./chunks/chunk-RJEHOEQ4.js";
import {
  printLogTails
} from "./chunks/chunk-VWNQVETX.js";
import {
  actionsLogger,
  bin,
  configFile,
  describeGroupAvailable,
  describeMembers,
  describeOutcome,
  describeRelease,
  ensureGroup,
  ensureServer,
  formatSeconds,
  getInputs,
  info,
  isGroupSnapshot,
  leaseId,
  maskSecrets,
  preRan,
  redactSecrets,
  runStage,
  setConfigPath,
  setLeaseId,
  setOutcome,
  setResult,
  setStartedAt,
  stackProfile,
  startedAt,
  warning
} from "./chunks/chunk-GV5LRFH4.js";
import {
  isGroup
} from "./chunks/chunk-P6QNAYR2.js";
import "./chunks/chunk-KYBNCCTO.js";
import "./chunks/chunk-DRDZ57S2.js";
import "./chunks/chunk-CHZHEBOU.js";
import {
  exportVariable,
  group,
  setOutput
} from "./chunks/chunk-UBXPN5TO.js";
import "./chunks/chunk-YVYZE4KD.js";
import "./chunks/chunk-L66SN3ZJ.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-OWJNM7FF.js";
import "./chunks/chunk-CHQ6LYZ2.js";
import "./chunks/chunk-CVPLYTV6.js";
import "./chunks/chunk-YYN4WDBH.js";
import "./chunks/chunk-EWGGLT7N.js";
import "./chunks/chunk-HANBNIMK.js";

// src/report/outputs.ts
function statusJson(snapshot) {
  const { logTails: _omitted, ...rest } = snapshot;
  return rest;
}
function setOutputs(snapshot) {
  const output = (name, value) => setOutput(name, redactSecrets(value, snapshot.env));
  output("available", String(snapshot.available));
  output("owned", String(snapshot.owned));
  output("lease-id", snapshot.leaseId ?? "");
  output("server-address", snapshot.env.STIGMER_SERVER_ADDR ?? "");
  output("temporal-address", snapshot.env.TEMPORAL_ADDRESS ?? "");
  output("status", JSON.stringify(statusJson(snapshot)));
}
function exportEnv(snapshot, llmModel) {
  maskSecrets(snapshot.env);
  for (const [name, value] of Object.entries(snapshot.env)) exportVariable(name, value);
  if (llmModel) exportVariable("STIGMER_LLM_MODEL", llmModel);
}

// src/stack/await-ready.ts
async function awaitReady(profile, leaseId2, inputs) {
  return ensureServer(profile, {
    resume: leaseId2,
    onUnavailable: "skip",
    // the policy is applied by main, after the outputs are set
    logger: actionsLogger,
    logLines: inputs.logLines,
    ...inputs.timeoutMs ? { timeoutMs: inputs.timeoutMs } : {},
    onProgress: progressLog()
  });
}
function progressLog() {
  const seen = /* @__PURE__ */ new Map();
  return (components, elapsedMs) => {
    for (const c of components) {
      if (seen.get(c.name) === c.ready) continue;
      seen.set(c.name, c.ready);
      info(
        `${formatSeconds(elapsedMs).padStart(7)}  ${c.name}: ${c.ready ? "ready" : "not ready"}${c.required ? "" : " (optional)"} - ${c.detail}`
      );
    }
  };
}

// src/stack/start-group.ts
async function startGroup(group2, inputs) {
  const handle = await ensureGroup(group2, {
    lease: await jobLease(),
    onUnavailable: "skip",
    // the policy is applied by main, after the outputs are set
    logger: actionsLogger,
    logLines: inputs.logLines,
    ...inputs.timeoutMs ? { timeoutMs: inputs.timeoutMs } : {},
    onProgress: progressLog()
  });
  if (handle.leaseId) {
    setLeaseId(handle.leaseId);
    setOutcome(handle.outcome);
  }
  return handle.snapshot();
}

// src/main.ts
await runStage("main", async () => {
  const inputs = getInputs();
  if (!preRan()) {
    info("pre did not run (a local action, `uses: ./`): installing and starting here.");
    setStartedAt(Date.now());
    await setUp(inputs);
  }
  const configPath = inputs.config ? configFile(inputs.config) : null;
  if (configPath) setConfigPath(configPath);
  const profile = await stackProfile(inputs, { bin: bin(), configPath });
  if (isGroup(profile)) {
    const order = profile.members.map((m) => m.name).join(", ");
    const snapshot2 = await group(
      `Start ${profile.name} (${order}, in dependency order)`,
      () => startGroup(profile, inputs)
    );
    return finish(snapshot2, inputs);
  }
  let leaseId2 = leaseId();
  let snapshot = null;
  if (!leaseId2) {
    snapshot = await group(`Start ${profile.name}`, () => startInBackground(profile));
    leaseId2 = snapshot.leaseId;
  }
  if (leaseId2) {
    const id = leaseId2;
    snapshot = (await group(`Wait until ${profile.name} is ready`, () => awaitReady(profile, id, inputs))).snapshot();
  }
  finish(snapshot, inputs);
});
function finish(snapshot, inputs) {
  const began = startedAt();
  const timeToReadyMs = snapshot.available && began ? Date.now() - began : null;
  setResult({ snapshot: statusJson(snapshot), timeToReadyMs });
  setOutputs(snapshot);
  exportEnv(snapshot, inputs.llmModel);
  const sinceBegan = timeToReadyMs === null ? "" : `, ${formatSeconds(timeToReadyMs)} after the action began`;
  if (snapshot.available) {
    info(
      isGroupSnapshot(snapshot) ? `${describeGroupAvailable(snapshot, "job")}
${snapshot.profile} is ready${sinceBegan}.` : `${snapshot.profile} is ready (${describeOutcome(snapshot.outcome, "job")})${sinceBegan}.`
    );
    return;
  }
  if (snapshot.logTails.length > 0 && inputs.logLines > 0)
    printLogTails(snapshot.logTails, `${snapshot.profile} is unavailable`);
  const message = `${snapshot.profile} is unavailable: ${snapshot.reason}${isGroupSnapshot(snapshot) ? `
${groupStory(snapshot)}` : ""}`;
  if (inputs.onUnavailable === "fail")
    throw new Error(
      `${message}${snapshot.logTails.length > 0 ? "\nThe last log lines of each component are above." : ""}
Set \`on-unavailable: skip\` to go on without it (outputs say available=false).`
    );
  warning(
    `${message}
on-unavailable: skip: the job goes on; the output \`available\` is false.`
  );
}
function groupStory(snapshot) {
  const released = snapshot.cleanup.map((r) => {
    const outcome = snapshot.members.find((m) => m.name === r.name)?.outcome ?? null;
    return `  ${describeRelease(r.name, outcome, r, "job")}`;
  });
  return [
    describeMembers(snapshot.members, "job"),
    ...released.length > 0 ? ["Released what this job held of the others:", ...released] : []
  ].join("\n");
}
