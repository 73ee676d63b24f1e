#!/usr/bin/env node
// The published shape works: pack @stigmer/e2e-core and @stigmer/e2e-vitest, npm install them
// into an empty project beside Vitest, and run the README's quick start there.
//   node scripts/test-packed.mjs               Vitest 4 on this Node
//   node scripts/test-packed.mjs --vitest 5    Vitest 5 on Node 24 (npx -y node@24)
//   --keep                                     keep the temp project (its path is printed)
import { parseArgs } from 'node:util';
import { nodeBinary, packedProject } from './packed-project.mjs';
import { readmeSmoke } from './readme-smoke.mjs';

const VITEST = { 4: '^4.1.0', 5: '^5.0.0' };
const NODE_FOR = { 4: undefined, 5: '24' };

const { values } = parseArgs({
  options: { vitest: { type: 'string', default: '4' }, keep: { type: 'boolean' } },
});
if (!(values.vitest in VITEST))
  throw new Error(`--vitest: expected 4 or 5, got "${values.vitest}"`);
const node = nodeBinary(NODE_FOR[values.vitest]);
const packed = packedProject({ vitest: VITEST[values.vitest] });
try {
  await readmeSmoke(packed.project, node);
  console.log(`\nok: the packed packages work as the README says (Vitest ${values.vitest}).`);
} finally {
  if (values.keep) console.log(`kept ${packed.dir}`);
  else packed.remove();
}
