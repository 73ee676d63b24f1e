import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  printLogTails,
  seconds,
  writeSummary
} from "./chunks/chunk-URSRYPFF.js";
import {
  actionsLogger,
  attempt,
  bin,
  cacheMisses,
  cacheStore,
  configPath,
  errorMessage,
  getInputs,
  getJson,
  leaseId,
  profileLogs,
  readLogTails,
  releaseServer,
  result,
  runStage,
  saveEntries,
  serverStatus,
  stackProfile,
  stackUsage
} from "./chunks/chunk-KGNI4LRR.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-SRON7RN6.js";
import "./chunks/chunk-FWPJQ4EM.js";
import "./chunks/chunk-PXOX54OA.js";
import {
  group,
  info,
  warning
} from "./chunks/chunk-IHW3RN5P.js";
import "./chunks/chunk-GJK5TSV3.js";
import "./chunks/chunk-HANBNIMK.js";

// src/report/job-status.ts
var TIMEOUT_MS = 5e3;
async function jobStatus(token, env = process.env) {
  const { GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, RUNNER_NAME: runner } = env;
  const attempt2 = env.GITHUB_RUN_ATTEMPT || "1";
  if (!repo || !run || !runner)
    return { kind: "unknown", why: "not running in a GitHub Actions job" };
  if (!token) return { kind: "unknown", why: "no github-token" };
  let data;
  try {
    data = await getJson(
      `/repos/${repo}/actions/runs/${run}/attempts/${attempt2}/jobs?per_page=100`,
      token,
      { timeoutMs: TIMEOUT_MS }
    );
  } catch (error) {
    return { kind: "unknown", why: `the jobs API said: ${error.message}` };
  }
  const job = data.jobs?.find((j) => j.status === "in_progress" && j.runner_name === runner);
  if (!job)
    return { kind: "unknown", why: `no job in progress on runner ${runner} in the jobs API` };
  const failed = job.steps?.find((s) => s.conclusion === "failure" || s.conclusion === "cancelled");
  return failed ? { kind: "failed", step: failed.name ?? "?" } : { kind: "ok" };
}

// src/post.ts
await runStage("post", async () => {
  const inputs = readInputs();
  const leaseId2 = leaseId();
  const result2 = result();
  const profile = await attempt(
    "Loading the profile",
    () => stackProfile(inputs, { bin: bin(), configPath: configPath() })
  );
  const used = profile && (leaseId2 !== null || result2 !== null);
  let components = result2?.snapshot.components ?? [];
  if (used) {
    await attempt("Showing the logs", async () => {
      const status = await serverStatus(profile);
      if (components.length === 0) components = status.components;
      const why = await whyShowLogs(inputs, result2, status.components);
      if (why && inputs.logLines > 0)
        printLogTails(await readLogTails(profileLogs(profile), inputs.logLines), why);
    });
  }
  const usage = used ? await attempt("Reading resource usage", () => stackUsage(profile)) : null;
  let post = "nothing to release: the action took no lease (it stopped before the start, or the stack was unavailable).";
  if (profile && leaseId2) {
    const released = await attempt(
      "Releasing the stack",
      () => group(
        `Release ${profile.name} (stop: ${inputs.stop})`,
        () => releaseServer(profile, leaseId2, { stop: inputs.stop, logger: actionsLogger })
      )
    );
    post = released ? describeRelease(released, inputs, result2) : "releasing failed (see the warnings).";
    info(`${profile.name}: ${post}`);
  } else {
    info(post);
  }
  if (profile && (used || leaseId2))
    await attempt(
      "Writing the job summary",
      () => writeSummary({ profile: profile.name, result: result2, components, post, usage })
    );
  const misses = cacheMisses();
  if (inputs.cache && misses.length > 0)
    await attempt(
      "Saving caches",
      () => group("Save caches", async () => saveEntries(await cacheStore(), misses))
    );
});
function readInputs() {
  try {
    return getInputs();
  } catch (error) {
    warning(`${errorMessage(error)} post goes on with the defaults (stop: if-owned).`);
    return getInputs(() => "");
  }
}
async function whyShowLogs(inputs, result2, now) {
  if (!result2) return "main did not finish";
  if (!result2.snapshot.available) return "the stack was unavailable";
  const down = now.filter((c) => c.required && !c.ready).map((c) => c.name);
  if (down.length > 0) return `required component(s) down now: ${down.join(", ")}`;
  const job = await jobStatus(inputs.githubToken);
  if (job.kind === "failed") return `the step "${job.step}" failed`;
  if (job.kind === "unknown") return `the job's status is unknown: ${job.why}`;
  return null;
}
function describeRelease(released, inputs, result2) {
  const { stop } = released;
  if (stop?.stopped) return `stopped (it was started by this job) in ${seconds(stop.durationMs)}.`;
  if (stop)
    return `left running: ${[...stop.steps, ...stop.problems].join("; ") || "it is no longer the stack this job started"}.`;
  if (!released.released)
    return "the lease was already gone (released when the start failed, or expired); nothing to stop.";
  if (released.remaining > 0)
    return `left running: ${released.remaining} other lease(s) still use it.`;
  if (inputs.stop === "never") return "left running (stop: never).";
  if (result2 && !result2.snapshot.owned)
    return `left running: it was not started by this job (${result2.snapshot.outcome}; stop: ${inputs.stop}).`;
  return `left running: not started by this job (stop: ${inputs.stop}).`;
}
