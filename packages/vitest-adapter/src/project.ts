import type { StigmerContext } from './context.js';

/**
 * The part of Vitest's `TestProject` the adapter uses; the same in Vitest 4.1 and 5. Kept
 * structural so the lifecycle can be driven by a fake project in unit tests.
 */
export interface SetupProject {
  readonly config: { readonly root: string };
  provide(key: 'stigmer', value: StigmerContext): void;
  /** Vitest runs the callback before each watch-mode rerun, and awaits it. */
  onTestsRerun(callback: () => Promise<void>): void;
}
