import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/dist/errors.js
var StigmerE2eError = class extends Error {
  name = "StigmerE2eError";
};
var ProfileError = class extends StigmerE2eError {
  problems;
  name = "ProfileError";
  constructor(message, problems = []) {
    super(problems.length > 0 ? `${message}
${problems.map((p) => `  - ${p}`).join("\n")}` : message);
    this.problems = problems;
  }
};
var ServerUnavailableError = class extends StigmerE2eError {
  snapshot;
  name = "ServerUnavailableError";
  constructor(message, snapshot) {
    super(message);
    this.snapshot = snapshot;
  }
};
var StateDirError = class extends StigmerE2eError {
  name = "StateDirError";
};
var LockTimeoutError = class extends StigmerE2eError {
  name = "LockTimeoutError";
};
var SpawnError = class extends StigmerE2eError {
  name = "SpawnError";
};
var UsageError = class extends StigmerE2eError {
  name = "UsageError";
};
var FaultRefusedError = class extends StigmerE2eError {
  fix;
  name = "FaultRefusedError";
  constructor(message, fix) {
    super(`${message} ${fix}`);
    this.fix = fix;
  }
};
var ReusedStackError = class extends FaultRefusedError {
  name = "ReusedStackError";
};
var ExternalStackError = class extends FaultRefusedError {
  name = "ExternalStackError";
};
var UnknownComponentError = class extends FaultRefusedError {
  name = "UnknownComponentError";
};
var ComponentNotRunningError = class extends FaultRefusedError {
  name = "ComponentNotRunningError";
};
var NotOursError = class extends FaultRefusedError {
  name = "NotOursError";
};
var NotRecoveredError = class extends StigmerE2eError {
  recovery;
  name = "NotRecoveredError";
  constructor(message, recovery) {
    super(message);
    this.recovery = recovery;
  }
};

export {
  ProfileError,
  ServerUnavailableError,
  StateDirError,
  LockTimeoutError,
  SpawnError,
  UsageError,
  FaultRefusedError,
  ReusedStackError,
  ExternalStackError,
  UnknownComponentError,
  ComponentNotRunningError,
  NotOursError,
  NotRecoveredError
};
