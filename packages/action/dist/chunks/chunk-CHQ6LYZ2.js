import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_READY_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  sealProfile
} from "./chunk-CVPLYTV6.js";
import {
  ProfileError
} from "./chunk-YYN4WDBH.js";

// ../core/dist/profile/define-server.js
import os2 from "node:os";
import path2 from "node:path";

// ../../node_modules/.pnpm/valibot@1.5.0_typescript@5.9.3/node_modules/valibot/dist/index.mjs
var store$4;
var DEFAULT_CONFIG = {
  lang: void 0,
  message: void 0,
  abortEarly: void 0,
  abortPipeEarly: void 0
};
// @__NO_SIDE_EFFECTS__
function getGlobalConfig(config$1) {
  if (!config$1 && !store$4) return DEFAULT_CONFIG;
  return {
    lang: config$1?.lang ?? store$4?.lang,
    message: config$1?.message,
    abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
    abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
  };
}
var store$3;
// @__NO_SIDE_EFFECTS__
function getGlobalMessage(lang) {
  return store$3?.get(lang);
}
var store$2;
// @__NO_SIDE_EFFECTS__
function getSchemaMessage(lang) {
  return store$2?.get(lang);
}
var store$1;
// @__NO_SIDE_EFFECTS__
function getSpecificMessage(reference, lang) {
  return store$1?.get(reference)?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function _stringify(input) {
  const type = typeof input;
  if (type === "string") return `"${input}"`;
  if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
  if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
  return type;
}
function _addIssue(context, label, dataset, config$1, other) {
  const input = other && "input" in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = other?.received ?? /* @__PURE__ */ _stringify(input);
  const issue = {
    kind: context.kind,
    type: context.type,
    input,
    expected,
    received,
    message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
    requirement: context.requirement,
    path: other?.path,
    issues: other?.issues,
    lang: config$1.lang,
    abortEarly: config$1.abortEarly,
    abortPipeEarly: config$1.abortPipeEarly
  };
  const isSchema = context.kind === "schema";
  const message$1 = other?.message ?? context.message ?? /* @__PURE__ */ getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? /* @__PURE__ */ getSchemaMessage(issue.lang) : null) ?? config$1.message ?? /* @__PURE__ */ getGlobalMessage(issue.lang);
  if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
  if (isSchema) dataset.typed = false;
  if (dataset.issues) dataset.issues.push(issue);
  else dataset.issues = [issue];
}
// @__NO_SIDE_EFFECTS__
function _isSameValueZero(value1, value2) {
  return value1 === value2 || Number.isNaN(value1) && Number.isNaN(value2);
}
// @__NO_SIDE_EFFECTS__
function _isValidObjectKey(object$1, key) {
  return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
}
// @__NO_SIDE_EFFECTS__
function _joinExpects(values$1, separator) {
  const list = [...new Set(values$1)];
  if (list.length > 1) return `(${list.join(` ${separator} `)})`;
  return list[0] ?? "never";
}
function _standardSchema(schema) {
  schema["~standard"] = {
    version: 1,
    vendor: "valibot",
    validate: (value$1) => schema["~run"]({ value: value$1 }, /* @__PURE__ */ getGlobalConfig())
  };
  return schema;
}
var EMOJI_REGEX = new RegExp("^(?:[\\u{1F1E6}-\\u{1F1FF}]{2}|\\u{1F3F4}[\\u{E0061}-\\u{E007A}]{2}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,3}\\u{E007F}|(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation})(?:\\u200D(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation}))*)+$", "u");
// @__NO_SIDE_EFFECTS__
function check(requirement, message$1) {
  return {
    kind: "validation",
    type: "check",
    reference: check,
    async: false,
    expects: null,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function integer(message$1) {
  return {
    kind: "validation",
    type: "integer",
    reference: integer,
    async: false,
    expects: null,
    requirement: Number.isInteger,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "integer", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function maxValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "max_value",
    reference: maxValue,
    async: false,
    expects: `<=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value <= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minLength(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_length",
    reference: minLength,
    async: false,
    expects: `>=${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && dataset.value.length < this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_value",
    reference: minValue,
    async: false,
    expects: `>=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function regex(requirement, message$1) {
  return {
    kind: "validation",
    type: "regex",
    reference: regex,
    async: false,
    expects: `${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "format", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function url(message$1) {
  return {
    kind: "validation",
    type: "url",
    reference: url,
    async: false,
    expects: null,
    requirement(input) {
      try {
        if (URL.canParse) return URL.canParse(input);
        new URL(input);
        return true;
      } catch {
        return false;
      }
    },
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "URL", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function getFallback(schema, dataset, config$1) {
  return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
}
// @__NO_SIDE_EFFECTS__
function getDefault(schema, dataset, config$1) {
  return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
}
// @__NO_SIDE_EFFECTS__
function array(item, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "array",
    reference: array,
    expects: "Array",
    async: false,
    item,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < input.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.item["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function boolean(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "boolean",
    reference: boolean,
    expects: "boolean",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "boolean") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function custom(check$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "custom",
    reference: custom,
    expects: "unknown",
    async: false,
    check: check$1,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.check(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function lazy(getter) {
  return _standardSchema({
    kind: "schema",
    type: "lazy",
    reference: lazy,
    expects: "unknown",
    async: false,
    getter,
    "~run"(dataset, config$1) {
      return this.getter(dataset.value)["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function literal(literal_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "literal",
    reference: literal,
    expects: /* @__PURE__ */ _stringify(literal_),
    async: false,
    literal: literal_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (/* @__PURE__ */ _isSameValueZero(dataset.value, this.literal)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function number(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "number",
    reference: number,
    expects: "number",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function optional(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "optional",
    reference: optional,
    expects: `(${wrapped.expects} | undefined)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === void 0) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === void 0) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function picklist(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "picklist",
    reference: picklist,
    expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.options.includes(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function record(key, value$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "record",
    reference: record,
    expects: "Object",
    async: false,
    key,
    value: value$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const entryKey in input) if (/* @__PURE__ */ _isValidObjectKey(input, entryKey)) {
          const entryValue = input[entryKey];
          const keyDataset = this.key["~run"]({ value: entryKey }, config$1);
          if (keyDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "key",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of keyDataset.issues) {
              issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = keyDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          const valueDataset = this.value["~run"]({ value: entryValue }, config$1);
          if (valueDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "value",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of valueDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = valueDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
          if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function strictObject(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "strict_object",
    reference: strictObject,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
        if (!dataset.issues || !config$1.abortEarly) {
          for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
            _addIssue(this, "key", dataset, config$1, {
              input: key,
              expected: "never",
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function string(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "string",
    reference: string,
    expects: "string",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "string") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function tuple(items, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "tuple",
    reference: tuple,
    expects: "Array",
    async: false,
    items,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < this.items.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function _subIssues(datasets) {
  let issues;
  if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue);
  else issues = dataset.issues;
  return issues;
}
// @__NO_SIDE_EFFECTS__
function union(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "union",
    reference: union,
    expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      let validDataset;
      let typedDatasets;
      let untypedDatasets;
      for (const schema of this.options) {
        const optionDataset = schema["~run"]({ value: dataset.value }, config$1);
        if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
        else typedDatasets = [optionDataset];
        else {
          validDataset = optionDataset;
          break;
        }
        else if (untypedDatasets) untypedDatasets.push(optionDataset);
        else untypedDatasets = [optionDataset];
      }
      if (validDataset) return validDataset;
      if (typedDatasets) {
        if (typedDatasets.length === 1) return typedDatasets[0];
        _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
        dataset.typed = true;
      } else if (untypedDatasets?.length === 1) return untypedDatasets[0];
      else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _standardSchema({
    kind: "schema",
    type: "unknown",
    reference: unknown,
    expects: "unknown",
    async: false,
    "~run"(dataset) {
      dataset.typed = true;
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(...pipe$1) {
  return _standardSchema({
    ...pipe$1[0],
    pipe: pipe$1,
    "~run"(dataset, config$1) {
      for (const item of pipe$1) if (item.kind !== "metadata") {
        if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
          dataset.typed = false;
          break;
        }
        if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
      }
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function safeParse(schema, input, config$1) {
  const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
  return {
    typed: dataset.typed,
    success: !dataset.issues,
    output: dataset.value,
    issues: dataset.issues
  };
}

// ../core/dist/profile/rules.js
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function crossFieldProblems(spec) {
  if (!isObject(spec))
    return [];
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
      if (typeof name !== "string")
        return;
      if (seen.has(name))
        problems.push(`components[${i}]: duplicate component name "${name}"`);
      seen.add(name);
    });
  }
  return problems;
}

// ../core/dist/profile/schema.js
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
  return strictObject(entries, (issue) => issue.expected === "never" ? `unknown key ${issue.received}; expected one of: ${allowed}` : `expected an object, got ${issue.received}`);
}
var text = (what = "a non-empty string") => pipe(string((i) => `expected ${what}, got ${i.received}`), minLength(1, `expected ${what}, got an empty string`));
var argv = pipe(array(text("a non-empty string"), (i) => i.received.startsWith('"') ? `expected an array of arguments (argv, never run through a shell), got the string ${i.received}; write it as ["cmd", "arg", ...]` : `expected an array of arguments (argv), got ${i.received}`), minLength(1, "expected a command, got an empty array"));
var hostPort = pipe(text('"host:port"'), regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:/]+|[0-9a-fA-F:]*:[0-9a-fA-F:]+):\d{1,5}$/, (i) => `expected "host:port" (e.g. "localhost:7233" or "[::1]:7233"), got ${i.received}`));
var positiveMs = pipe(number((i) => `expected milliseconds as a number, got ${i.received}`), integer("expected a whole number of milliseconds"), minValue(1, (i) => `expected a positive number of milliseconds, got ${i.received}`));
var env = record(string(), string((i) => `expected a string value, got ${i.received}`), (i) => `expected an object of NAME: "value" strings, got ${i.received}`);
var logSource = union([text("a path"), strict({ command: argv })], "expected a path or { command: [...] }");
var statusCode = pipe(number(), integer(), minValue(100), maxValue(599));
var probeSchemas = {
  tcp: strict({ tcp: hostPort }),
  http: strict({
    http: pipe(text("an http:// or https:// URL"), url((i) => `expected an http:// or https:// URL, got ${i.received}`)),
    status: optional(union([statusCode, tuple([statusCode, statusCode])], "expected a status code or a [min, max] range between 100 and 599"))
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
    if (kind)
      return probeSchemas[kind];
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
  name: pipe(text("a name"), regex(/^[A-Za-z0-9][\w.-]*$/, 'expected letters, digits, ".", "_" or "-" (it names the state dir)')),
  stateDir: optional(text("a path")),
  start: optional(strict({
    command: argv,
    mode: picklist(["daemon", "process"], (i) => `expected "daemon" or "process", got ${i.received}`),
    awaitExit: optional(boolean((i) => `expected true or false, got ${i.received}`)),
    toleratesLeftovers: optional(boolean((i) => `expected true or false, got ${i.received}`)),
    knownFailures: optional(array(strict({
      match: pipe(text("a regular expression"), check((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, "expected a valid regular expression")),
      reason: text("the reason to give, with the fix"),
      fix: optional(strict({
        command: argv,
        doing: text('what the fix does, e.g. "pulling the model"'),
        timeoutMs: optional(positiveMs)
      }))
    }))),
    cwd: optional(text("a path")),
    env: optional(env)
  })),
  stop: optional(strict({
    command: optional(argv),
    signal: optional(picklist(SIGNALS, (i) => `expected one of ${SIGNALS.join(", ")}, got ${i.received}`)),
    timeoutMs: optional(positiveMs),
    spare: optional(array(text("a path")))
  })),
  components: pipe(array(component, (i) => `expected an array of components, got ${i.received}`), minLength(1, "expected at least one component")),
  logs: optional(record(string(), union([logSource, array(logSource)], "expected a path, { command: [...] }, or an array of those"))),
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

// ../core/dist/profile/state-dir.js
import os from "node:os";
import path from "node:path";
function defaultStateDir(name) {
  const base = process.platform === "win32" ? path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), "AppData", "Local"), "stigmer-e2e") : path.join(process.env.XDG_STATE_HOME || path.join(os.homedir(), ".local", "state"), "stigmer-e2e");
  return path.join(base, name);
}

// ../core/dist/profile/define-server.js
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
    if (path2.isAbsolute(expanded))
      return path2.normalize(expanded);
    if (options.baseDir)
      return path2.resolve(options.baseDir, expanded);
    problems.push(`${where}: expected an absolute path, got "${value}"; build it with path.join(import.meta.dirname, ...) or start it with ~/`);
    return expanded;
  };
  const s = parsed.output;
  const resolveProbe = (probe2, where) => {
    if ("pidFile" in probe2)
      return { pidFile: absolute(probe2.pidFile, `${where}.pidFile`) };
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
      timeoutMs: s.stop?.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      ...s.stop?.spare ? { spare: s.stop.spare.map((f, i) => absolute(f, `stop.spare[${i}]`)) } : {}
    },
    components: s.components.map((c, i) => ({
      name: c.name,
      required: c.required ?? true,
      probe: resolveProbe(c.probe, `components[${i}].probe`),
      pidFile: c.pidFile ? absolute(c.pidFile, `components[${i}].pidFile`) : null
    })),
    logs: Object.fromEntries(Object.entries(s.logs ?? {}).map(([name, sources]) => [
      name,
      (Array.isArray(sources) ? sources : [sources]).map((source2, i) => typeof source2 === "string" ? absolute(source2, `logs.${name}${Array.isArray(sources) ? `[${i}]` : ""}`) : { command: [...source2.command] })
    ])),
    env: { ...s.env ?? {} },
    readyTimeoutMs: s.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    startedWith: s.startedWith ?? null
  };
  if (problems.length > 0)
    throw new ProfileError(`Invalid server spec${source}:`, problems);
  return sealProfile(profile);
}

export {
  minLength,
  regex,
  array,
  boolean,
  custom,
  literal,
  optional,
  unknown,
  pipe,
  safeParse,
  strict,
  text,
  positiveMs,
  env,
  formatIssue,
  defineServer
};
