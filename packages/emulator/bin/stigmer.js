#!/usr/bin/env node
// The bin points here rather than into dist/, so that pnpm can link it before the first build.
import '../dist/cli.js';
