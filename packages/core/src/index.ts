export {
  ComponentNotRunningError,
  ExternalStackError,
  FaultRefusedError,
  NotOursError,
  NotRecoveredError,
  ProfileError,
  ReusedStackError,
  ServerUnavailableError,
  StateDirError,
  StigmerE2eError,
  UnknownComponentError,
  UsageError,
} from './errors.js';
export {
  type FaultOptions,
  type Faults,
  faults,
  type PauseFaultOptions,
  type StopFaultOptions,
} from './fault/faults.js';
export type { FaultKind, FaultRecord } from './fault/inject.js';
export type { Recovery, WaitReadyOptions } from './fault/recovery.js';
export type { FaultTarget } from './fault/target.js';
export { type DefineGroupOptions, defineGroup } from './group/define-group.js';
export { ensureGroup, type GroupEnsureOptions } from './group/ensure-group.js';
export { type Group, type GroupMember, isGroup } from './group/group.js';
export {
  type GroupHandle,
  type GroupSnapshot,
  isGroupSnapshot,
  type MemberSnapshot,
} from './group/handle.js';
export {
  type GroupReleaseResult,
  type MemberRelease,
  releaseGroup,
} from './group/release-group.js';
export type {
  GroupSpec,
  MemberSpec,
  ProfileMemberSpec,
  ServerMemberSpec,
  StigmerMemberSpec,
} from './group/spec.js';
export { type GroupStatusReport, groupStatus, type MemberStatus } from './group/status.js';
export { type ComponentStatus, describeNotReady } from './probe/component-status.js';
export { type ProcessRef, processRef } from './process/identity.js';
export type { ProcessUsage, UsageSummary } from './process/usage.js';
export { type DefineServerOptions, defineServer } from './profile/define-server.js';
export { loadConfig, loadProfile } from './profile/load-profile.js';
export { type Component, isProfile, type Profile } from './profile/profile.js';
export { type ProfileData, profileFromData, profileToData } from './profile/profile-data.js';
export type {
  ComponentSpec,
  LogSource,
  ProbeSpec,
  ServerSpec,
  StartSpec,
  StopSpec,
} from './profile/spec.js';
export { type StigmerOptions, stigmer } from './profile/stigmer.js';
export { describeGroupUnavailable, describeUnavailable } from './report/describe.js';
export { formatLogTails, type LogTail, readLogTails } from './report/log-tail.js';
export type { Logger } from './report/logger.js';
export type { Outcome, ReleaseReason } from './report/outcome.js';
export { stackUsage } from './report/stack-usage.js';
export { type Bar, formatTimeline, timelineBars, timelineMermaid } from './report/timeline.js';
export {
  type AvailableWording,
  describeAvailable,
  describeGroupAvailable,
  describeGroupRelease,
  describeMembers,
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
export type { Timeline } from './state/state.js';
export { redact, secretValues } from './util/redact.js';
