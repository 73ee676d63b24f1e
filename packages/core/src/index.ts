export { ProfileError, ServerUnavailableError, StateDirError, UsageError } from './errors.js';
export { type ComponentStatus, describeNotReady } from './probe/component-status.js';
export { type ProcessRef, processRef } from './process/identity.js';
export type { ProcessUsage, UsageSummary } from './process/usage.js';
export { type DefineServerOptions, defineServer } from './profile/define-server.js';
export { loadProfile } from './profile/load-profile.js';
export { type Component, isProfile, type Profile } from './profile/profile.js';
export type {
  ComponentSpec,
  LogSource,
  ProbeSpec,
  ServerSpec,
  StartSpec,
  StopSpec,
} from './profile/spec.js';
export { type StigmerOptions, stigmer } from './profile/stigmer.js';
export { describeUnavailable } from './report/describe.js';
export { formatLogTails, type LogTail, readLogTails } from './report/log-tail.js';
export type { Logger } from './report/logger.js';
export type { Outcome, ReleaseReason } from './report/outcome.js';
export { stackUsage } from './report/stack-usage.js';
export {
  describeAvailable,
  describeOutcome,
  describeRelease,
  describeUsage,
  formatSeconds,
  type Who,
} from './report/words.js';
export { type EnsureOptions, ensureServer } from './stack/ensure.js';
export type { HandleSnapshot, ReleaseResult, ServerHandle } from './stack/handle.js';
export { profileLogs } from './stack/launch.js';
export { isCI, type OnUnavailable, resolvePolicy } from './stack/policy.js';
export { type ReleaseOptions, releaseServer } from './stack/release.js';
export { type StatusReport, serverStatus } from './stack/status.js';
export type { StopReport } from './stack/stop.js';
export type { LeaseKind } from './state/leases.js';
export { redact, secretValues } from './util/redact.js';
