import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/programs/exit-recorder.js
import { spawn } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
var [statusFile, file, ...args] = process.argv.slice(2);
if (!statusFile || !file) {
  process.stderr.write("usage: exit-recorder.js <statusFile> <command> [args...]\n");
  process.exit(2);
}
var record = (status) => {
  writeFileSync(`${statusFile}.tmp`, JSON.stringify(status), { mode: 384 });
  renameSync(`${statusFile}.tmp`, statusFile);
};
var child = spawn(file, args, { stdio: "inherit" });
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"])
  process.on(signal, () => child.kill(signal));
child.once("error", (error) => {
  process.stderr.write(`cannot run ${file}: ${error.message}
`);
  record({ code: 127, signal: null, error: error.code ?? error.message });
  process.exit(127);
});
child.once("exit", (code, signal) => {
  record({ code, signal });
  process.exit(code ?? 1);
});
