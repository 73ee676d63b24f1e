#!/usr/bin/env node
// The bin points here rather than into dist/, so that package managers can link it before the
// first build (in this repository) as well as after install (from the registry). The CLI is one
// bundled file (scripts/bundle.mjs); Node 22.1+ keeps its compiled code in a cache between runs.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/bundle/stigmer-e2e.js');
