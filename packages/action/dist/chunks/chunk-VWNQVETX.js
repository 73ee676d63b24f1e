import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  info
} from "./chunk-GV5LRFH4.js";
import {
  endGroup,
  startGroup
} from "./chunk-UBXPN5TO.js";

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
      for (const line of f.lines) info(line);
    }
    endGroup();
  }
}

export {
  printLogTails
};
