import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  setUp,
  startInBackground
} from "./chunks/chunk-TVBQ4YG2.js";
import "./chunks/chunk-RJEHOEQ4.js";
import {
  printLogTails
} from "./chunks/chunk-TGQQEOXJ.js";
import {
  actionsLogger,
  bin,
  configFile,
  describeOutcome,
  ensureServer,
  formatSeconds,
  getInputs,
  info,
  leaseId,
  maskSecrets,
  preRan,
  redactSecrets,
  runStage,
  setConfigPath,
  setResult,
  setStartedAt,
  stackProfile,
  startedAt,
  warning
} from "./chunks/chunk-JEPTEI5I.js";
import "./chunks/chunk-FVSXOLBX.js";
import "./chunks/chunk-JVXVSICD.js";
import "./chunks/chunk-6POOQ3FW.js";
import {
  exportVariable,
  group,
  setOutput
} from "./chunks/chunk-IHW3RN5P.js";
import "./chunks/chunk-MNJR5YAS.js";
import "./chunks/chunk-4ZFE3CZX.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-OTVOUBNS.js";
import "./chunks/chunk-LK6OX7TM.js";
import "./chunks/chunk-OSJIUKPB.js";
import "./chunks/chunk-N4QNBSZ5.js";
import "./chunks/chunk-NL2OM63K.js";
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
  const seen = /* @__PURE__ */ new Map();
  return ensureServer(profile, {
    resume: leaseId2,
    onUnavailable: "skip",
    // the policy is applied by main, after the outputs are set
    logger: actionsLogger,
    logLines: inputs.logLines,
    ...inputs.timeoutMs ? { timeoutMs: inputs.timeoutMs } : {},
    onProgress: (components, elapsedMs) => {
      for (const c of components) {
        if (seen.get(c.name) === c.ready) continue;
        seen.set(c.name, c.ready);
        info(
          `${formatSeconds(elapsedMs).padStart(7)}  ${c.name}: ${c.ready ? "ready" : "not ready"}${c.required ? "" : " (optional)"} - ${c.detail}`
        );
      }
    }
  });
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
  if (snapshot.available) {
    info(
      `${snapshot.profile} is ready (${describeOutcome(snapshot.outcome, "job")})${timeToReadyMs === null ? "" : `, ${formatSeconds(timeToReadyMs)} after the action began`}.`
    );
    return;
  }
  if (snapshot.logTails.length > 0 && inputs.logLines > 0)
    printLogTails(snapshot.logTails, `${snapshot.profile} is unavailable`);
  const message = `${snapshot.profile} is unavailable: ${snapshot.reason}`;
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
