import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/src/errors.ts
var ProfileError = class extends Error {
  constructor(message, problems = []) {
    super(
      problems.length > 0 ? `${message}
${problems.map((p) => `  - ${p}`).join("\n")}` : message
    );
    this.problems = problems;
  }
  problems;
  name = "ProfileError";
};

// ../core/src/profile/profile.ts
var DEFAULT_READY_TIMEOUT_MS = 6e4;
var DEFAULT_STOP_TIMEOUT_MS = 1e4;
var profiles = /* @__PURE__ */ new WeakSet();
function sealProfile(profile) {
  profiles.add(profile);
  return Object.freeze(profile);
}
function commandEnv(profile) {
  const env = { ...process.env, ...profile.start?.env };
  for (const [name, value] of Object.entries(env)) if (value === void 0) delete env[name];
  return env;
}
function componentPidFile(component) {
  return component.pidFile ?? ("pidFile" in component.probe ? component.probe.pidFile : null);
}

export {
  ProfileError,
  DEFAULT_READY_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  sealProfile,
  commandEnv,
  componentPidFile
};
