import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/profile/profile.js
var DEFAULT_READY_TIMEOUT_MS = 6e4;
var DEFAULT_STOP_TIMEOUT_MS = 1e4;
function isProfile(value) {
  return typeof value === "object" && value !== null && profiles.has(value);
}
var profiles = /* @__PURE__ */ new WeakSet();
function sealProfile(profile) {
  profiles.add(profile);
  return Object.freeze(profile);
}
function commandEnv(profile) {
  const env = { ...process.env, ...profile.start?.env };
  for (const [name, value] of Object.entries(env))
    if (value === void 0)
      delete env[name];
  return env;
}
async function toProfile(value) {
  if (isProfile(value))
    return value;
  const { defineServer } = await import("./define-server-GOQOGVES.js");
  return defineServer(value);
}
function componentPidFile(component) {
  return component.pidFile ?? ("pidFile" in component.probe ? component.probe.pidFile : null);
}

export {
  DEFAULT_READY_TIMEOUT_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  isProfile,
  sealProfile,
  commandEnv,
  toProfile,
  componentPidFile
};
