import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  printLogTails
} from "./chunks/chunk-VWNQVETX.js";
import {
  actionsLogger,
  attempt,
  bin,
  cacheMisses,
  cacheOutcomes,
  cacheStore,
  configPath,
  describeGroupRelease,
  describeOutcome,
  describeRelease,
  errorMessage,
  formatSeconds,
  getInputs,
  getJson,
  groupStatus,
  info,
  isGroupSnapshot,
  leaseId,
  outcome,
  profileLogs,
  readLogTails,
  redactSecrets,
  releaseGroup,
  releaseServer,
  result,
  runStage,
  saveEntries,
  serverStatus,
  stackProfile,
  stackUsage,
  timelineBars,
  timelineMermaid,
  warning
} from "./chunks/chunk-GV5LRFH4.js";
import {
  isGroup
} from "./chunks/chunk-P6QNAYR2.js";
import "./chunks/chunk-KYBNCCTO.js";
import "./chunks/chunk-DRDZ57S2.js";
import "./chunks/chunk-CHZHEBOU.js";
import {
  group,
  summary
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

// src/report/summary.ts
function summaryMarkdown(input) {
  const lines = [`### ${escapeCell(input.profile)} server`, "", headline(input.result), ""];
  if (input.components.length > 0) {
    lines.push("| component | required | ready | address | detail |", "|---|---|---|---|---|");
    for (const c of input.components)
      lines.push(
        `| ${escapeCell(c.name)} | ${c.required ? "yes" : "no"} | ${c.ready ? "\u2705" : "\u274C"} | ${escapeCell(c.address ?? "")} | ${escapeCell(c.detail)} |`
      );
    lines.push("");
  }
  const chart = startChart(input.profile, input.result);
  if (chart) lines.push(chart, "");
  if (input.caches && input.caches.length > 0) {
    lines.push("| cache | restored | time |", "|---|---|---|");
    for (const c of input.caches)
      lines.push(
        `| ${escapeCell(c.name)} | ${c.hit ? "yes" : "no: fetched cold this time, saved for the next job"} | ${formatSeconds(c.ms)} |`
      );
    lines.push("");
  }
  if (input.usage) {
    lines.push("| process | pid | peak memory | average CPU |", "|---|---|---|---|");
    for (const p of input.usage.processes)
      lines.push(
        `| ${escapeCell(p.name)} | ${p.pid} | ${p.peakRssMiB} MiB | ${p.avgCpuPercent}% |`
      );
    lines.push(
      `| **all** | | ${input.usage.total.peakRssMiB} MiB (sum of peaks) | ${input.usage.total.avgCpuPercent}% |`,
      ""
    );
  }
  lines.push(`**After the job:** ${escapeCell(input.post)}`, "");
  return lines.join("\n");
}
function startChart(profile, result2) {
  const snapshot = result2?.snapshot;
  if (!snapshot) return null;
  if (Array.isArray(snapshot.members)) {
    const bars = snapshot.members.filter((m) => m.began !== null && m.ended !== null).map((m) => ({ name: m.name, fromMs: m.began, toMs: m.ended }));
    return bars.length > 0 ? timelineMermaid(`${profile}: members in start order`, bars) : null;
  }
  return snapshot.timeline ? timelineMermaid(`${profile}: start`, timelineBars(snapshot.timeline)) : null;
}
async function writeSummary(input) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const markdown = redactSecrets(summaryMarkdown(input), input.result?.snapshot.env ?? {});
  await summary.addRaw(markdown, true).write();
}
function headline(result2) {
  if (!result2)
    return "**Not ready:** the action did not get to wait for the stack (main did not finish).";
  const s = result2.snapshot;
  if (!s.available) return `**Unavailable:** ${escapeCell(s.reason ?? "unknown reason")}`;
  const ready = result2.timeToReadyMs === null ? "" : `, ready ${formatSeconds(result2.timeToReadyMs)} after the action began`;
  return `**Available:** ${escapeCell(describeOutcome(s.outcome, "job"))}${ready}.`;
}
function escapeCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

// src/stack/target.ts
async function components(target) {
  if (!isGroup(target)) return [...(await serverStatus(target)).components];
  const { members } = await groupStatus(target);
  return members.flatMap((m) => m.components.map((c) => ({ ...c, name: `${m.name}/${c.name}` })));
}
function logs(target) {
  if (!isGroup(target)) return profileLogs(target);
  return Object.fromEntries(
    target.members.flatMap(
      (m) => Object.entries(profileLogs(m.profile)).map(([name, files]) => [`${m.name}/${name}`, files])
    )
  );
}
function usage(target) {
  return isGroup(target) ? Promise.resolve(null) : stackUsage(target);
}
async function release(target, leaseId2, stop, seen) {
  const options = { stop, logger: actionsLogger };
  if (!isGroup(target))
    return describeRelease(
      target.name,
      seen.outcome,
      await releaseServer(target, leaseId2, options),
      "job"
    );
  const members = seen.snapshot && isGroupSnapshot(seen.snapshot) ? seen.snapshot.members : null;
  return describeGroupRelease(
    target.name,
    members,
    await releaseGroup(target, leaseId2, options),
    "job"
  );
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
  let components2 = result2?.snapshot.components ?? [];
  if (used) {
    await attempt("Showing the logs", async () => {
      const now = await components(profile);
      if (components2.length === 0) components2 = now;
      const why = await whyShowLogs(inputs, result2, now);
      if (why && inputs.logLines > 0)
        printLogTails(await readLogTails(logs(profile), inputs.logLines), why);
    });
  }
  const usage2 = used ? await attempt("Reading resource usage", () => usage(profile)) : null;
  let post = "nothing to release: the action took no lease (it stopped before the start, or the stack was unavailable).";
  if (profile && leaseId2) {
    const released = await attempt(
      "Releasing the stack",
      () => group(
        `Release ${profile.name} (stop: ${inputs.stop})`,
        () => release(profile, leaseId2, inputs.stop, {
          snapshot: result2?.snapshot ?? null,
          outcome: outcome()
        })
      )
    );
    post = released ?? `${profile.name}: releasing failed (see the warnings).`;
    info(post);
  } else {
    info(post);
  }
  if (profile && (used || leaseId2))
    await attempt(
      "Writing the job summary",
      () => writeSummary({
        profile: profile.name,
        result: result2,
        components: components2,
        post,
        usage: usage2,
        caches: cacheOutcomes()
      })
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
