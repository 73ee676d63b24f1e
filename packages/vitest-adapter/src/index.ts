export {
  defineGroup,
  defineServer,
  type FaultRecord,
  type Faults,
  type GroupSpec,
  type Profile,
  type Recovery,
  type ServerSpec,
  type StigmerOptions,
  stigmer,
} from '@stigmer/e2e-core';
export { INJECT_KEY, type StigmerContext, type StigmerMember } from './context.js';
export { describeStigmer, requireStigmer, useStigmer } from './describe-stigmer.js';
export { faults } from './faults.js';
export type { StigmerServerOptions } from './options.js';
export { stigmerServer } from './plugin.js';
