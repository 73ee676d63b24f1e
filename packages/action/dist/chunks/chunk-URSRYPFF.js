import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  redactSecrets
} from "./chunk-KGNI4LRR.js";
import {
  endGroup,
  info,
  startGroup,
  summary
} from "./chunk-IHW3RN5P.js";

// src/report/print-logs.ts
function printLogTails(tails, why) {
  const byComponent = /* @__PURE__ */ new Map();
  for (const t of tails) byComponent.set(t.component, [...byComponent.get(t.component) ?? [], t]);
  info(`Log tails of each component (${why}):`);
  for (const [component, files] of byComponent) {
    const lines = files.reduce((n, f) => n + f.lines.length, 0);
    startGroup(`${component} log (last ${lines} lines)`);
    for (const f of files) {
      if (f.missing) {
        info(`--- ${f.file} (no such file)`);
        continue;
      }
      info(`--- ${f.file}${f.lines.length === 0 ? " (empty)" : ""}`);
      for (const line of f.lines) info(redactSecrets(line));
    }
    endGroup();
  }
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
async function writeSummary(input) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(summaryMarkdown(input), true).write();
}
function headline(result) {
  if (!result)
    return "**Not ready:** the action did not get to wait for the stack (main did not finish).";
  const s = result.snapshot;
  if (!s.available) return `**Unavailable:** ${escapeCell(s.reason ?? "unknown reason")}`;
  const ready = result.timeToReadyMs === null ? "" : `, ready ${seconds(result.timeToReadyMs)} after the action began`;
  switch (s.outcome) {
    case "started":
      return `**Started by this job** (owned)${ready}.`;
    case "adopted":
      return `**Adopted** from a run that died while owning it (owned)${ready}.`;
    case "joined":
      return `**Joined** a stack another run started (not owned)${ready}.`;
    case "reused":
      return `**Reused** a stack that was already running (not owned)${ready}.`;
    default:
      return `**External** stack, only probed (not owned)${ready}.`;
  }
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}
function escapeCell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export {
  printLogTails,
  writeSummary,
  seconds
};
