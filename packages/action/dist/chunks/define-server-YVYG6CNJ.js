import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  array,
  boolean,
  custom,
  integer,
  lazy,
  maxValue,
  minLength,
  minValue,
  number,
  optional,
  picklist,
  pipe,
  record,
  regex,
  safeParse,
  strictObject,
  string,
  tuple,
  union,
  url
} from "./chunk-PXOX54OA.js";
import {
  DEFAULT_READY_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  ProfileError,
  sealProfile
} from "./chunk-SU6RE7TD.js";
import "./chunk-HANBNIMK.js";

// ../core/src/profile/define-server.ts
import os2 from "node:os";
import path2 from "node:path";

// ../core/src/profile/rules.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function crossFieldProblems(spec) {
  if (!isObject(spec)) return [];
  const problems = [];
  const start = isObject(spec.start) ? spec.start : null;
  const stop = isObject(spec.stop) ? spec.stop : null;
  if (start?.mode === "daemon" && !stop?.command) {
    problems.push("stop: a daemon-mode stack needs a stop command: add stop: { command: [...] }");
  }
  const startedWith = isObject(spec.startedWith) ? spec.startedWith.component : void 0;
  if (typeof startedWith === "string" && Array.isArray(spec.components)) {
    const names = spec.components.map((c) => isObject(c) ? c.name : void 0);
    if (!names.includes(startedWith))
      problems.push(`startedWith.component: no component named "${startedWith}"`);
  }
  if (Array.isArray(spec.components)) {
    const seen = /* @__PURE__ */ new Set();
    spec.components.forEach((c, i) => {
      const name = isObject(c) ? c.name : void 0;
      if (typeof name !== "string") return;
      if (seen.has(name)) problems.push(`components[${i}]: duplicate component name "${name}"`);
      seen.add(name);
    });
  }
  return problems;
}

// ../core/src/profile/schema.ts
var PROBE_KINDS = ["tcp", "http", "grpc", "pidFile", "command", "docker", "anyOf"];
var SIGNALS = [
  "SIGTERM",
  "SIGINT",
  "SIGQUIT",
  "SIGHUP",
  "SIGKILL",
  "SIGUSR1",
  "SIGUSR2"
];
function strict(entries) {
  const allowed = Object.keys(entries).join(", ");
  return strictObject(
    entries,
    (issue) => issue.expected === "never" ? `unknown key ${issue.received}; expected one of: ${allowed}` : `expected an object, got ${issue.received}`
  );
}
var text = (what = "a non-empty string") => pipe(
  string((i) => `expected ${what}, got ${i.received}`),
  minLength(1, `expected ${what}, got an empty string`)
);
var argv = pipe(
  array(
    text("a non-empty string"),
    (i) => i.received.startsWith('"') ? `expected an array of arguments (argv, never run through a shell), got the string ${i.received}; write it as ["cmd", "arg", ...]` : `expected an array of arguments (argv), got ${i.received}`
  ),
  minLength(1, "expected a command, got an empty array")
);
var hostPort = pipe(
  text('"host:port"'),
  regex(
    /^(\[[0-9a-fA-F:.]+\]|[^\s:/]+|[0-9a-fA-F:]*:[0-9a-fA-F:]+):\d{1,5}$/,
    (i) => `expected "host:port" (e.g. "localhost:7233" or "[::1]:7233"), got ${i.received}`
  )
);
var positiveMs = pipe(
  number((i) => `expected milliseconds as a number, got ${i.received}`),
  integer("expected a whole number of milliseconds"),
  minValue(1, (i) => `expected a positive number of milliseconds, got ${i.received}`)
);
var env = record(
  string(),
  string((i) => `expected a string value, got ${i.received}`),
  (i) => `expected an object of NAME: "value" strings, got ${i.received}`
);
var statusCode = pipe(number(), integer(), minValue(100), maxValue(599));
var probeSchemas = {
  tcp: strict({ tcp: hostPort }),
  http: strict({
    http: pipe(
      text("an http:// or https:// URL"),
      url((i) => `expected an http:// or https:// URL, got ${i.received}`)
    ),
    status: optional(
      union(
        [statusCode, tuple([statusCode, statusCode])],
        "expected a status code or a [min, max] range between 100 and 599"
      )
    )
  }),
  grpc: strict({ grpc: hostPort, service: optional(string()) }),
  pidFile: strict({ pidFile: text("a path") }),
  command: strict({ command: argv, timeoutMs: optional(positiveMs) }),
  docker: strict({ docker: text("a container name or id") }),
  anyOf: strict({
    anyOf: pipe(array(lazy(() => probe)), minLength(1, "expected at least one probe"))
  })
};
var probe = lazy((input) => {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    const kind = PROBE_KINDS.find((k) => k in input);
    if (kind) return probeSchemas[kind];
  }
  return custom(() => false, `expected one of ${PROBE_KINDS.join(", ")}`);
});
var component = strict({
  name: text("a component name"),
  required: optional(boolean((i) => `expected true or false, got ${i.received}`)),
  probe,
  pidFile: optional(text("a path"))
});
var serverSpecSchema = strict({
  name: pipe(
    text("a name"),
    regex(
      /^[A-Za-z0-9][\w.-]*$/,
      'expected letters, digits, ".", "_" or "-" (it names the state dir)'
    )
  ),
  stateDir: optional(text("a path")),
  start: optional(
    strict({
      command: argv,
      mode: picklist(
        ["daemon", "process"],
        (i) => `expected "daemon" or "process", got ${i.received}`
      ),
      awaitExit: optional(boolean((i) => `expected true or false, got ${i.received}`)),
      cwd: optional(text("a path")),
      env: optional(env)
    })
  ),
  stop: optional(
    strict({
      command: optional(argv),
      signal: optional(
        picklist(SIGNALS, (i) => `expected one of ${SIGNALS.join(", ")}, got ${i.received}`)
      ),
      timeoutMs: optional(positiveMs)
    })
  ),
  components: pipe(
    array(component, (i) => `expected an array of components, got ${i.received}`),
    minLength(1, "expected at least one component")
  ),
  logs: optional(
    record(
      string(),
      union([text("a path"), array(text("a path"))], "expected a path or an array of paths")
    )
  ),
  env: optional(env),
  readyTimeoutMs: optional(positiveMs),
  startedWith: optional(strict({ component: text("a component name"), env }))
});
function formatIssue(issue) {
  const path3 = (issue.path ?? []).map((item, index) => {
    const key = item.key;
    return typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`;
  }).join("");
  return path3 ? `${path3}: ${issue.message}` : issue.message;
}

// ../core/src/profile/state-dir.ts
import os from "node:os";
import path from "node:path";
function defaultStateDir(name) {
  const base = process.platform === "win32" ? path.join(
    process.env.LOCALAPPDATA ?? path.join(os.homedir(), "AppData", "Local"),
    "stigmer-e2e"
  ) : path.join(
    process.env.XDG_STATE_HOME || path.join(os.homedir(), ".local", "state"),
    "stigmer-e2e"
  );
  return path.join(base, name);
}

// ../core/src/profile/define-server.ts
function defineServer(spec, options = {}) {
  const source = options.source ? ` in ${options.source}` : "";
  const parsed = safeParse(serverSpecSchema, spec, { abortEarly: false });
  const invalid = [
    ...parsed.success ? [] : parsed.issues.map(formatIssue),
    ...crossFieldProblems(spec)
  ];
  if (!parsed.success || invalid.length > 0)
    throw new ProfileError(`Invalid server spec${source}:`, invalid);
  const problems = [];
  const absolute = (value, where) => {
    const expanded = value === "~" || value.startsWith("~/") ? path2.join(os2.homedir(), value.slice(1)) : value;
    if (path2.isAbsolute(expanded)) return path2.normalize(expanded);
    if (options.baseDir) return path2.resolve(options.baseDir, expanded);
    problems.push(
      `${where}: expected an absolute path, got "${value}"; build it with path.join(import.meta.dirname, ...) or start it with ~/`
    );
    return expanded;
  };
  const s = parsed.output;
  const resolveProbe = (probe2, where) => {
    if ("pidFile" in probe2) return { pidFile: absolute(probe2.pidFile, `${where}.pidFile`) };
    if ("anyOf" in probe2)
      return { anyOf: probe2.anyOf.map((p, i) => resolveProbe(p, `${where}.anyOf[${i}]`)) };
    return probe2;
  };
  const profile = {
    name: s.name,
    stateDir: s.stateDir ? absolute(s.stateDir, "stateDir") : defaultStateDir(s.name),
    start: s.start ? { ...s.start, ...s.start.cwd ? { cwd: absolute(s.start.cwd, "start.cwd") } : {} } : null,
    stop: {
      command: s.stop?.command ?? null,
      signal: s.stop?.signal ?? "SIGTERM",
      timeoutMs: s.stop?.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS
    },
    components: s.components.map((c, i) => ({
      name: c.name,
      required: c.required ?? true,
      probe: resolveProbe(c.probe, `components[${i}].probe`),
      pidFile: c.pidFile ? absolute(c.pidFile, `components[${i}].pidFile`) : null
    })),
    logs: Object.fromEntries(
      Object.entries(s.logs ?? {}).map(([name, files]) => [
        name,
        (Array.isArray(files) ? files : [files]).map(
          (f, i) => absolute(f, `logs.${name}${Array.isArray(files) ? `[${i}]` : ""}`)
        )
      ])
    ),
    env: { ...s.env ?? {} },
    readyTimeoutMs: s.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    startedWith: s.startedWith ?? null
  };
  if (problems.length > 0) throw new ProfileError(`Invalid server spec${source}:`, problems);
  return sealProfile(profile);
}
export {
  defineServer
};
