export {
  defineServer,
  type Profile,
  type ServerSpec,
  type StigmerOptions,
  stigmer,
} from '@stigmer/e2e-core';
export { INJECT_KEY, type StigmerContext } from './context.js';
export { describeStigmer, requireStigmer, useStigmer } from './describe-stigmer.js';
export type { StigmerServerOptions } from './options.js';
export { stigmerServer } from './plugin.js';
