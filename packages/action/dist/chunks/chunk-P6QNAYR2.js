import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  array,
  boolean,
  custom,
  defineServer,
  env,
  formatIssue,
  literal,
  minLength,
  optional,
  pipe,
  positiveMs,
  regex,
  safeParse,
  strict,
  text,
  unknown
} from "./chunk-CHQ6LYZ2.js";
import {
  isProfile,
  sealProfile
} from "./chunk-CVPLYTV6.js";
import {
  ProfileError
} from "./chunk-YYN4WDBH.js";

// ../core/dist/group/define-group.js
import os2 from "node:os";
import path2 from "node:path";

// ../core/dist/profile/stigmer.js
import os from "node:os";
import path from "node:path";
var AGENT_RUNNER_CONTAINER = "stigmer-agent-runner";
var MODEL_PULL_TIMEOUT_MS = 30 * 6e4;
var DEFAULT_MODEL = "qwen2.5-coder:7b";
var KEY_VARIABLE = {
  anthropic: "ANTHROPIC_API_KEY",
  openai: "OPENAI_API_KEY"
};
function knownFailures(bin, provider, model, pullModel) {
  const key = KEY_VARIABLE[provider];
  return [
    {
      match: "no models found|model '[^']+' not found",
      reason: `the LLM model ${model} is not in Ollama's store (the CLI never pulls it): pull it with \`stigmer server llm pull ${model}\`, or choose a model you have with STIGMER_LLM_MODEL`,
      // The pull needs the Ollama that the failed `stigmer server` started and left running
      // (server.go handleLLMPull): so the CLI's own order is start, pull, start again.
      ...pullModel ? {
        fix: {
          command: [bin, "server", "llm", "pull", model],
          doing: `pulling the LLM model ${model} (several GB, the first time only)`,
          timeoutMs: MODEL_PULL_TIMEOUT_MS
        }
      } : {}
    },
    {
      match: "failed to get (Anthropic|OpenAI) API key",
      reason: key ? `the LLM provider ${provider} needs ${key} in the environment (the CLI asks for it only on a terminal): set ${key}, or choose another provider with STIGMER_LLM_PROVIDER` : "the LLM provider needs its API key in the environment (ANTHROPIC_API_KEY or OPENAI_API_KEY; the CLI asks for it only on a terminal)"
    }
  ];
}
var REQUIRABLE = ["temporal", "workflow-runner", "agent-runner"];
var TEMPORAL_SERVICE = "temporal.api.workflowservice.v1.WorkflowService";
var ADDRESS = /^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/;
function stigmer(options = {}) {
  const env2 = process.env;
  const home = options.home ?? os.homedir();
  const serverAddress = options.serverAddress ?? env2.STIGMER_SERVER_ADDR ?? "localhost:7234";
  const temporalAddress = options.temporalAddress ?? env2.TEMPORAL_ADDRESS ?? "localhost:7233";
  const problems = [
    ...ADDRESS.test(serverAddress) ? [] : [`serverAddress: expected "host:port", got "${serverAddress}"`],
    ...ADDRESS.test(temporalAddress) ? [] : [`temporalAddress: expected "host:port", got "${temporalAddress}"`],
    ...path.isAbsolute(home) ? [] : [`home: expected an absolute path, got "${home}"`],
    ...(options.require ?? []).filter((name) => !REQUIRABLE.includes(name)).map((name) => `require: no component "${name}"; expected some of ${REQUIRABLE.join(", ")} (stigmer-server is always required)`)
  ];
  if (problems.length > 0)
    throw new ProfileError("Invalid stigmer() options:", problems);
  const required = /* @__PURE__ */ new Set([
    "stigmer-server",
    ...options.require ?? ["temporal", "workflow-runner"]
  ]);
  const stigmerDir = path.join(home, ".stigmer");
  const data = path.join(stigmerDir, "data");
  const logs = path.join(data, "logs");
  const managedTemporal = !options.externalTemporal;
  const components = [
    {
      name: "stigmer-server",
      required: true,
      probe: { tcp: serverAddress },
      pidFile: path.join(data, "daemon.pid")
    },
    {
      name: "temporal",
      required: required.has("temporal"),
      probe: { grpc: temporalAddress, service: TEMPORAL_SERVICE },
      // Not temporal.pid: after a `stigmer server stop` by hand, the Temporal it leaves keeps
      // serving the next stack while the next start's own Temporal, unable to bind, leaves its
      // dead pid in that file (manager.go). Temporal answering its health check is Temporal.
      pidFile: null
    },
    {
      name: "workflow-runner",
      required: required.has("workflow-runner"),
      probe: { pidFile: path.join(data, "workflow-runner.pid") },
      pidFile: null
    },
    {
      // Always the Docker container: no Stigmer runs agent-runner as a process of its own.
      name: "agent-runner",
      required: required.has("agent-runner"),
      probe: { docker: AGENT_RUNNER_CONTAINER },
      pidFile: null
    }
  ];
  const bin = options.bin ?? (env2.STIGMER_E2E_BIN || "stigmer");
  const notFound = options.bin ? "Fix the `bin` option of stigmer(): it names no program" : env2.STIGMER_E2E_BIN ? `STIGMER_E2E_BIN is set to "${env2.STIGMER_E2E_BIN}", which is not a program: fix or unset it` : "Install the Stigmer CLI (https://github.com/stigmer/stigmer), put `stigmer` on PATH, or set STIGMER_E2E_BIN to its path";
  const llm = {
    STIGMER_LLM_PROVIDER: options.llm?.provider ?? env2.STIGMER_LLM_PROVIDER,
    STIGMER_LLM_MODEL: options.llm?.model ?? env2.STIGMER_LLM_MODEL,
    STIGMER_LLM_BASE_URL: options.llm?.baseUrl ?? env2.STIGMER_LLM_BASE_URL
  };
  const llmEnv = Object.fromEntries(Object.entries(llm).filter((e) => Boolean(e[1])));
  const temporalEnv = managedTemporal ? void 0 : temporalAddress;
  const cliEnv = {
    ...llmEnv,
    ...options.home ? { HOME: home, USERPROFILE: home } : {},
    TEMPORAL_SERVICE_ADDRESS: temporalEnv,
    TEMPORAL_HOST_PORT: temporalEnv,
    ...options.env
  };
  const provider = llm.STIGMER_LLM_PROVIDER ?? "ollama";
  const model = llm.STIGMER_LLM_MODEL ?? DEFAULT_MODEL;
  return sealProfile({
    name: "stigmer",
    stateDir: options.stateDir ?? path.join(stigmerDir, "e2e"),
    start: options.external ? null : {
      command: [bin, "server"],
      mode: "daemon",
      env: cliEnv,
      notFound,
      // `stigmer server` copes with what an earlier stack left: it reuses a Temporal that
      // still runs (left by `stigmer server stop`) and stops orphans named by old pid files.
      toleratesLeftovers: true,
      knownFailures: knownFailures(bin, provider, model, options.pullModel ?? true)
    },
    stop: {
      command: options.external ? null : [bin, "server", "stop"],
      signal: "SIGTERM",
      timeoutMs: options.stopTimeoutMs ?? 4e4,
      // Ollama is never stopped by the CLI either: slow to start, shared with the user's work.
      spare: [path.join(stigmerDir, "llm.pid")]
    },
    components,
    logs: {
      "stigmer-server": [path.join(logs, "stigmer-server.log")],
      temporal: [path.join(stigmerDir, "logs", "temporal.log")],
      "workflow-runner": [path.join(logs, "workflow-runner.log")],
      "agent-runner": [{ command: ["docker", "logs", "--tail", "200", AGENT_RUNNER_CONTAINER] }],
      llm: [path.join(stigmerDir, "logs", "llm.log")]
    },
    env: {
      STIGMER_SERVER_ADDR: serverAddress,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_SERVICE_ADDRESS: temporalAddress
    },
    readyTimeoutMs: options.readyTimeoutMs ?? 18e4,
    startedWith: Object.keys(llmEnv).length > 0 ? { component: "stigmer-server", env: llmEnv } : null
  });
}

// ../core/dist/group/group.js
var groups = /* @__PURE__ */ new WeakSet();
function isGroup(value) {
  return typeof value === "object" && value !== null && groups.has(value);
}
function sealGroup(group) {
  groups.add(group);
  return Object.freeze(group);
}
function dependentsOf(group, name) {
  return group.members.filter((m) => m.dependsOn.includes(name));
}
async function toGroup(value) {
  if (isGroup(value))
    return value;
  const { defineGroup: defineGroup2 } = await import("./define-group-FJBLSSTY.js");
  return defineGroup2(value);
}

// ../core/dist/group/order.js
function findCycles(graph) {
  const done = /* @__PURE__ */ new Set();
  const cycles = [];
  const visit = (name, path3) => {
    if (done.has(name))
      return;
    const at = path3.indexOf(name);
    if (at !== -1) {
      cycles.push([...path3.slice(at), name]);
      return;
    }
    for (const next of graph.get(name) ?? [])
      visit(next, [...path3, name]);
    done.add(name);
  };
  for (const name of graph.keys())
    visit(name, []);
  return cycles;
}
function startOrder(graph) {
  const order = [];
  const placed = /* @__PURE__ */ new Set();
  while (order.length < graph.size) {
    const next = [...graph.keys()].find((name) => !placed.has(name) && (graph.get(name) ?? []).every((d) => placed.has(d)));
    if (next === void 0)
      throw new Error("startOrder: the graph has a cycle");
    order.push(next);
    placed.add(next);
  }
  return order;
}
function formatCycle(cycle) {
  return cycle.join(" -> ");
}

// ../core/dist/group/schema.js
var NAME = /^[A-Za-z0-9][\w.-]*$/;
var memberName = pipe(text("a member name"), regex(NAME, (i) => `expected letters, digits, ".", "_" or "-", got ${i.received}`));
var flag = optional(boolean((i) => `expected true or false, got ${i.received}`));
var optionalText = (what) => optional(text(what));
var dependsOnSchema = optional(array(memberName, (i) => `expected an array of member names, got ${i.received}`));
var stigmerOptions = strict({
  bin: optionalText("a path or a program name"),
  home: optionalText("a path"),
  require: optional(array(text("a component name"), (i) => `expected an array of names, got ${i.received}`)),
  serverAddress: optionalText('"host:port"'),
  temporalAddress: optionalText('"host:port"'),
  externalTemporal: flag,
  llm: optional(strict({
    provider: optionalText("a provider name"),
    model: optionalText("a model name"),
    baseUrl: optionalText("a URL")
  })),
  pullModel: flag,
  env: optional(env),
  external: flag,
  stateDir: optionalText("a path"),
  readyTimeoutMs: optional(positiveMs),
  stopTimeoutMs: optional(positiveMs)
});
var stigmerMemberSchema = strict({
  use: literal("stigmer", (i) => `expected "stigmer" (the built-in profile), got ${i.received}; describe any other server inline, with start and components`),
  name: optional(memberName),
  options: optional(stigmerOptions),
  dependsOn: dependsOnSchema
});
var profileMemberSchema = strict({
  name: optional(memberName),
  profile: custom(isProfile, "expected a profile made by defineServer() or stigmer(); write a plain spec inline instead"),
  dependsOn: dependsOnSchema
});
var groupSpecSchema = strict({
  name: optional(pipe(text("a group name"), regex(NAME, (i) => `expected letters, digits, ".", "_" or "-", got ${i.received}`))),
  members: pipe(array(unknown(), (i) => `expected an array of members, got ${i.received}`), minLength(1, "expected at least one member"))
});

// ../core/dist/group/define-group.js
function defineGroup(spec, options = {}) {
  const source = options.source ? ` in ${options.source}` : "";
  const parsed = safeParse(groupSpecSchema, spec, { abortEarly: false });
  const problems = parsed.success ? [] : parsed.issues.map(formatIssue);
  const raw = Array.isArray(spec?.members) ? spec.members : [];
  const drafts = raw.flatMap((member, i) => draftMember(member, i, options, problems) ?? []);
  problems.push(...relationProblems(drafts));
  const members = drafts.filter((d) => d.profile !== null);
  problems.push(...sharedStateDirs(members), ...envConflicts(members));
  if (problems.length > 0)
    throw new ProfileError(`Invalid group spec${source}:`, problems);
  const byName = new Map(members.map((m) => [m.name, m]));
  const order = startOrder(new Map(members.map((m) => [m.name, m.dependsOn])));
  const resolved = order.map((name) => {
    const { dependsOn, profile } = byName.get(name);
    return { name, dependsOn, profile: withInheritedEnv(profile, inherited(name, byName, order)) };
  });
  return sealGroup({
    name: spec.name ?? order.join("+"),
    members: resolved,
    env: Object.assign({}, ...members.map((m) => m.profile.env))
  });
}
function draftMember(member, i, options, problems) {
  const where = `members[${i}]`;
  const fail = (name, dependsOn2 = []) => ({
    name,
    where,
    dependsOn: dependsOn2,
    profile: null
  });
  if (typeof member !== "object" || member === null || Array.isArray(member)) {
    problems.push(`${where}: expected a member: a server spec ({ name, start, components }), { use: 'stigmer' } or { name, profile }, got ${Array.isArray(member) ? "an array" : typeof member}`);
    return null;
  }
  const m = member;
  const given = typeof m.name === "string" ? m.name : void 0;
  const dependsOn = Array.isArray(m.dependsOn) ? [...new Set(m.dependsOn.filter((d) => typeof d === "string"))] : [];
  const schema = "use" in m ? stigmerMemberSchema : "profile" in m ? profileMemberSchema : null;
  const checked = safeParse(schema ?? dependsOnSchema, schema ? m : m.dependsOn, {
    abortEarly: false
  });
  if (!checked.success)
    problems.push(...checked.issues.map((issue) => under(schema ? where : `${where}.dependsOn`, issue)));
  try {
    if ("use" in m) {
      const name = given ?? "stigmer";
      if (!checked.success)
        return fail(name, dependsOn);
      const profile2 = stigmer(resolveStigmerPaths(m.options ?? {}, options));
      return { name, where, dependsOn, profile: profile2 };
    }
    if ("profile" in m) {
      if (!checked.success)
        return fail(given ?? where, dependsOn);
      const profile2 = m.profile;
      return { name: given ?? profile2.name, where, dependsOn, profile: profile2 };
    }
    const { dependsOn: _, depends_on: snakeCase, ...server } = m;
    if (snakeCase !== void 0)
      problems.push(`${where}.depends_on: write it dependsOn: ["name", ...] (camelCase, names only)`);
    const profile = defineServer(server, { baseDir: options.baseDir });
    return checked.success ? { name: profile.name, where, dependsOn, profile } : fail(profile.name, dependsOn);
  } catch (error) {
    if (!(error instanceof ProfileError))
      throw error;
    const prefix = "use" in m ? `${where}.options` : where;
    problems.push(...error.problems.map((p) => `${prefix}.${p}`));
    return fail(given ?? where, dependsOn);
  }
}
function under(prefix, issue) {
  const text2 = formatIssue(issue);
  if (!issue.path?.length)
    return `${prefix}: ${text2}`;
  return text2.startsWith("[") ? `${prefix}${text2}` : `${prefix}.${text2}`;
}
function relationProblems(drafts) {
  const problems = [];
  const names = drafts.map((d) => d.name);
  drafts.forEach((d, i) => {
    if (names.indexOf(d.name) !== i)
      problems.push(`${d.where}: duplicate member name "${d.name}" (also ${drafts[names.indexOf(d.name)].where}): give each member its own name`);
    for (const dep of d.dependsOn) {
      if (!names.includes(dep))
        problems.push(`${d.where}.dependsOn: no member named "${dep}"; the members are ${[...new Set(names)].map((n) => `"${n}"`).join(", ")}`);
    }
  });
  const graph = /* @__PURE__ */ new Map();
  for (const d of drafts)
    if (!graph.has(d.name))
      graph.set(d.name, d.dependsOn);
  for (const cycle of findCycles(graph))
    problems.push(`dependsOn: a cycle: ${formatCycle(cycle)}; no member could ever start: remove one of these dependencies`);
  return problems;
}
function sharedStateDirs(members) {
  return members.flatMap((m, i) => {
    const first = members.findIndex((o) => o.profile.stateDir === m.profile.stateDir);
    if (first === i)
      return [];
    return [
      `${m.where}: "${m.name}" has the same state dir as "${members[first].name}" (${m.profile.stateDir}): two members are two stacks; give one its own stateDir (for stigmer: its own home)`
    ];
  });
}
function envConflicts(members) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const m of members) {
    for (const [key, value] of Object.entries(m.profile.env)) {
      const other = seen.get(key);
      if (!other)
        seen.set(key, { member: m.name, value });
      else if (other.value !== value)
        problems.push(`env.${key}: exported by both "${other.member}" and "${m.name}" with different values, so tests could not tell which one they get: rename it in one of them`);
    }
  }
  return problems;
}
function inherited(name, byName, order) {
  const closure = /* @__PURE__ */ new Set();
  const add = (n) => {
    for (const dep of byName.get(n).dependsOn) {
      if (!closure.has(dep)) {
        closure.add(dep);
        add(dep);
      }
    }
  };
  add(name);
  return Object.assign({}, ...order.filter((n) => closure.has(n)).map((n) => byName.get(n).profile.env));
}
function withInheritedEnv(profile, env2) {
  if (!profile.start || Object.keys(env2).length === 0)
    return profile;
  return sealProfile({
    ...profile,
    start: { ...profile.start, env: { ...env2, ...profile.start.env } }
  });
}
function resolveStigmerPaths(options, { baseDir }) {
  if (!baseDir)
    return options;
  const resolve = (value) => value === "~" || value.startsWith("~/") ? path2.join(os2.homedir(), value.slice(1)) : path2.resolve(baseDir, value);
  return {
    ...options,
    ...options.home ? { home: resolve(options.home) } : {},
    ...options.stateDir ? { stateDir: resolve(options.stateDir) } : {},
    ...options.bin?.includes("/") ? { bin: resolve(options.bin) } : {}
  };
}

export {
  stigmer,
  isGroup,
  dependentsOf,
  toGroup,
  defineGroup
};
