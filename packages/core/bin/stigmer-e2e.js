#!/usr/bin/env node
// The bin points here rather than into dist/, so that package managers can link it before the
// first build (in this repository) as well as after install (from the registry).
import '../dist/cli/bin.js';
