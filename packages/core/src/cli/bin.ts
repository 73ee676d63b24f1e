#!/usr/bin/env node
import { main } from './main.js';

const code = await main(process.argv.slice(2));
// Exit once output is flushed, even if a handle (a lingering socket, a timer) would keep us alive.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
